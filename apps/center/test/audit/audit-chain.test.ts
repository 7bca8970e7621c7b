import { expect, it } from 'vitest';
import { auditRecordHash, GENESIS_HASH } from '../../src/audit/audit-chain';
import { listAuditRows } from '../../src/audit/audit-repository';
import { createPgAuditLog } from '../../src/audit/pg-audit-log';
import { verifyAudit } from '../../src/audit/verify-audit';
import { describeStores } from '../support/center-db';

it('hashes the previous hash and the canonical record, key order aside', () => {
  const at = new Date('2026-05-01T01:02:03.004Z');
  const base = { seq: 1, at, actor: 'admin', action: 'staff.add', subject: 's1' };
  const a = auditRecordHash(GENESIS_HASH, { ...base, details: { b: 1, a: [1, { y: 2, x: 1 }] } });
  const b = auditRecordHash(GENESIS_HASH, { ...base, details: { a: [1, { x: 1, y: 2 }], b: 1 } });
  expect(a).toBe(b);
  expect(a).toMatch(/^[0-9a-f]{64}$/);
  expect(auditRecordHash('1'.repeat(64), { ...base, details: { b: 1 } })).not.toBe(
    auditRecordHash(GENESIS_HASH, { ...base, details: { b: 1 } }),
  );
});

describeStores('audit chain', (getDb, kind) => {
  const audit = createPgAuditLog();

  it('chains appends from 8 concurrent transactions', async () => {
    const db = getDb();
    const seqs = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        db.transaction(async (tx) => {
          // some work of the writer before its record, so the transactions overlap on PostgreSQL
          await tx.query('SELECT pg_sleep(0.01)');
          return audit.append(tx, {
            actor: `writer${String(index)}`,
            action: 'probe.write',
            subject: `subject-${String(index)}`,
            details: { index, note: '并发', nested: { list: [index, null, 'x'] } },
          });
        }),
      ),
    );
    expect([...seqs].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const verification = await verifyAudit(db);
    expect(verification).toMatchObject({ ok: true, records: 8 });
  });

  it('keeps nothing of a writer that rolled back, and the chain stays whole', async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await audit.append(tx, { actor: 'x', action: 'probe.rollback', subject: 'r' });
        throw new Error('writer failed');
      }),
    ).rejects.toThrow('writer failed');
    const seq = await db.transaction((tx) =>
      audit.append(tx, { actor: 'x', action: 'probe.after', subject: 'r' }),
    );
    expect(seq).toBe(9);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, records: 9 });
    const newest = await listAuditRows(db, { subject: 'r', limit: 10 });
    expect(newest.map((row) => row.action)).toEqual(['probe.after']);
  });

  it('refuses UPDATE and DELETE of a record', async () => {
    const db = getDb();
    await expect(db.query("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE seq = 9')).rejects.toThrow(/append-only/);
  });

  it(`finds a record changed behind the triggers' back (${kind})`, async () => {
    const db = getDb();
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    try {
      await db.query(
        `UPDATE audit_log SET details = jsonb_set(details, '{index}', '99') WHERE seq = 3`,
      );
      const verification = await verifyAudit(db);
      expect(verification).toMatchObject({ ok: false, seq: 3, records: 2 });
      if (!verification.ok) expect(verification.problem).toMatch(/content/);
    } finally {
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    }
  });
});

describeStores('audit chain tail', (getDb) => {
  it('finds records removed from the end', async () => {
    const db = getDb();
    const audit = createPgAuditLog();
    for (const subject of ['a', 'b', 'c']) {
      await db.transaction((tx) => audit.append(tx, { actor: 'x', action: 'probe', subject }));
    }
    expect(await verifyAudit(db)).toMatchObject({ ok: true, records: 3 });
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query('DELETE FROM audit_log WHERE seq = 3');
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const verification = await verifyAudit(db);
    expect(verification.ok).toBe(false);
    if (!verification.ok) expect(verification.problem).toMatch(/head/);
  });

  it('finds a record removed from the middle', async () => {
    const db = getDb();
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query('DELETE FROM audit_log WHERE seq = 1');
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    const verification = await verifyAudit(db);
    expect(verification).toMatchObject({ ok: false, seq: 2, records: 0 });
  });
});
