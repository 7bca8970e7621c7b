import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditRecordHash } from '../src/audit/audit-chain';
import type { AuditRow } from '../src/audit/audit-repository';
import { SITE_PUSH_PATH } from '../src/ingest/ingest.routes';
import { FakeSite } from '../test/ingest/fake-site';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import { rewriteChainFrom } from '../test/support/rewrite-audit-chain';
import { allocatedRange, approvedBatch, buildWorld, issue, ok, type World } from './support/world';

/*
 * Someone with the database (docs/decisions/1002-center-audit-chain.md): the application's own
 * connection cannot change or remove audit records (triggers); a superuser who switches the
 * triggers off and edits, deletes or re-hashes a record is named by `GET /api/audit/verify`
 * (the same walk as `center audit verify`). Each tamper is undone before the next. A chain
 * rewritten from some record on, head included, passes the walk; the receipt a site kept for its
 * package names it (decision 1070).
 */

interface Verification {
  ok: boolean;
  seq?: number;
  problem?: string;
  records: number;
  anchors?: number;
}

describeStores('tampering with the database', (getDb) => {
  let world: World;
  let numbers: string[] = [];
  let batchId = '';

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    await allocatedRange(world, world.a1, '000951');
    ({ batchId } = await approvedBatch(world, world.a1, world.a2, 2, world.orgA));
    numbers = await issue(world, world.a1, batchId);
  });
  afterAll(() => world.centre.close());

  const verify = async (): Promise<Verification> =>
    ok(
      await world.centre.call<Verification>('GET', '/api/audit/verify', {
        token: world.supervisor.token,
      }),
      'verify',
    );

  /** Runs `sql` as the owner with the user triggers of `table` switched off. */
  async function asSuperuser(table: string, sql: string, params: unknown[] = []): Promise<void> {
    await world.db.transaction(async (tx) => {
      await tx.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
      await tx.query(sql, params);
      await tx.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    });
  }

  async function row(seq: number) {
    const [found] = await world.db.query<AuditRow>('SELECT * FROM audit_log WHERE seq = $1', [seq]);
    if (found === undefined) throw new Error(`no audit row ${String(seq)}`);
    return { ...found, seq: Number(found.seq) };
  }

  it('the application connection can neither update, delete nor truncate audit records', async () => {
    expect((await verify()).ok).toBe(true);
    for (const sql of [
      `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 1`,
      'DELETE FROM audit_log WHERE seq = 1',
      'TRUNCATE audit_log',
    ]) {
      await expect(world.db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('an edited, a deleted and a re-hashed record, and a cut tail, are each named', async () => {
    const before = await verify();
    const total = before.records;
    const middle = Math.floor(total / 2);
    const target = await row(middle);

    await asSuperuser(
      'audit_log',
      `UPDATE audit_log SET details = details || '{"count": 0}' WHERE seq = $1`,
      [middle],
    );
    expect(await verify()).toMatchObject({ ok: false, seq: middle });
    await asSuperuser('audit_log', 'UPDATE audit_log SET details = $2::jsonb WHERE seq = $1', [
      middle,
      JSON.stringify(target.details),
    ]);
    expect((await verify()).ok).toBe(true);

    // the attacker recomputes the edited record's hash: the next record no longer links to it
    const forged = { ...target, actor: 'mallory' };
    const forgedHash = auditRecordHash(target.prev_hash, { ...forged, at: new Date(target.at) });
    await asSuperuser('audit_log', 'UPDATE audit_log SET actor = $2, hash = $3 WHERE seq = $1', [
      middle,
      'mallory',
      forgedHash,
    ]);
    expect(await verify()).toMatchObject({ ok: false, seq: middle + 1 });
    await asSuperuser('audit_log', 'UPDATE audit_log SET actor = $2, hash = $3 WHERE seq = $1', [
      middle,
      target.actor,
      target.hash,
    ]);
    expect((await verify()).ok).toBe(true);

    await asSuperuser('audit_log', 'DELETE FROM audit_log WHERE seq = $1', [middle]);
    expect(await verify()).toMatchObject({ ok: false, seq: middle + 1 });
    await asSuperuser(
      'audit_log',
      `INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        middle,
        target.at,
        target.actor,
        target.action,
        target.subject,
        JSON.stringify(target.details),
        target.prev_hash,
        target.hash,
      ],
    );
    expect((await verify()).ok).toBe(true);

    const last = await row(total);
    await asSuperuser('audit_log', 'DELETE FROM audit_log WHERE seq = $1', [total]);
    expect(await verify()).toMatchObject({ ok: false, seq: total - 1 });
    await asSuperuser(
      'audit_log',
      `INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
      [
        total,
        last.at,
        last.actor,
        last.action,
        last.subject,
        JSON.stringify(last.details),
        last.prev_hash,
        last.hash,
      ],
    );
    expect((await verify()).ok).toBe(true);
  });

  it('a certificate cannot be edited or deleted through the application connection', async () => {
    const number = numbers[0] ?? '';
    await expect(
      world.db.query(`UPDATE certificates SET name = '冒名' WHERE number = $1`, [number]),
    ).rejects.toThrow(/voided/);
    await expect(
      world.db.query('DELETE FROM certificates WHERE number = $1', [number]),
    ).rejects.toThrow(/never deleted/);
  });

  // A superuser can still change a certificate row (triggers switched off), but not unseen: the
  // certificate.issue record pins a digest of what each certificate says, certificate.void the
  // voided state, batch.approve the approved scores (decisions 1067, 1068).
  let originalName = '';
  it('a superuser can still change a certificate row (triggers switched off)', async () => {
    const number = numbers[1] ?? '';
    const [before] = await world.db.query<{ name: string }>(
      'SELECT name FROM certificates WHERE number = $1',
      [number],
    );
    originalName = before?.name ?? '';
    await asSuperuser(
      'certificates',
      `UPDATE certificates SET name = '冒名顶替' WHERE number = $1`,
      [number],
    );
    const [changed] = await world.db.query<{ name: string }>(
      'SELECT name FROM certificates WHERE number = $1',
      [number],
    );
    expect(changed?.name).toBe('冒名顶替');
  });

  it('a certificate row edited by a superuser is named by audit verify', async () => {
    const verdict = await verify();
    expect(verdict).toMatchObject({ ok: false, problem: expect.stringMatching(/发证审计记录/) });
    expect((verdict as { subject?: string }).subject).toContain(numbers[1]);
    await asSuperuser('certificates', 'UPDATE certificates SET name = $2 WHERE number = $1', [
      numbers[1],
      originalName,
    ]);
    expect((await verify()).ok).toBe(true);
  });

  it('a voided certificate made valid again, or a valid one voided, is named by audit verify', async () => {
    const number = numbers[0] ?? '';
    ok(
      await world.centre.call('POST', `/api/certificates/${number}/void`, {
        token: world.a1.token,
        body: { reason: '信息有误' },
      }),
      'void',
    );
    expect((await verify()).ok).toBe(true);
    const revive = `UPDATE certificates SET status = 'valid', voided_at = NULL, voided_by = NULL,
      void_reason = NULL WHERE number = $1`;
    const kill = `UPDATE certificates SET status = 'voided', voided_at = now(), voided_by = 'x',
      void_reason = 'forged' WHERE number = $1`;
    await asSuperuser('certificates', revive, [number]);
    expect(await verify()).toMatchObject({ ok: false, subject: number });
    await asSuperuser('certificates', kill, [number]);
    expect((await verify()).ok).toBe(true);
    await asSuperuser('certificates', kill, [numbers[1]]);
    expect(await verify()).toMatchObject({ ok: false });
    await asSuperuser('certificates', revive, [numbers[1]]);
    expect((await verify()).ok).toBe(true);
  });

  it('an approved score or outcome changed by a superuser is named by audit verify', async () => {
    const [candidate] = await world.db.query<{ id: string; skills_score: string }>(
      'SELECT id::text AS id, skills_score::text AS skills_score FROM batch_candidates WHERE batch_id = $1 ORDER BY id LIMIT 1',
      [batchId],
    );
    for (const change of ['skills_score = 99', "outcome = 'fail'", "name = '冒名'"]) {
      const [before] = await world.db.query<Record<string, unknown>>(
        'SELECT skills_score, outcome, name FROM batch_candidates WHERE id = $1::bigint',
        [candidate?.id],
      );
      await asSuperuser(
        'batch_candidates',
        `UPDATE batch_candidates SET ${change} WHERE id = $1::bigint`,
        [candidate?.id],
      );
      expect(await verify(), change).toMatchObject({ ok: false, subject: batchId });
      await asSuperuser(
        'batch_candidates',
        'UPDATE batch_candidates SET skills_score = $2, outcome = $3, name = $4 WHERE id = $1::bigint',
        [candidate?.id, before?.['skills_score'], before?.['outcome'], before?.['name']],
      );
      expect((await verify()).ok).toBe(true);
    }
  });

  it("a chain rewritten from a site's receipt on passes the walk, but not the receipt", async () => {
    const site = new FakeSite('锚点考点');
    ok(
      await world.centre.call('POST', '/api/sites', {
        token: world.admin.token,
        body: {
          organisationId: world.orgA,
          name: site.name,
          siteSerial: '000952',
          publicKeyPem: site.publicKeyPem,
        },
      }),
      'enrol',
    );
    const pushed = ok(
      await world.centre.call<{ centreReceipt?: { seq: number; hash: string } }>(
        'POST',
        SITE_PUSH_PATH,
        { body: site.makePackage({ sessionId: 'ANCHOR-1' }) },
      ),
      'push',
    );
    const receipt = pushed.centreReceipt;
    if (receipt === undefined) throw new Error('the centre gives a receipt');
    const ingested = await row(receipt.seq);
    expect(ingested).toMatchObject({ action: 'package.ingest', hash: receipt.hash });
    // more writes after the receipt, so the rewrite has a tail to re-hash
    await allocatedRange(world, world.a1, '000953');
    const anchored = (hash: string) => `/api/audit/verify?anchor=${String(receipt.seq)}:${hash}`;
    const verifyWith = async (hash: string) =>
      ok(
        await world.centre.call<Verification>('GET', anchored(hash), {
          token: world.supervisor.token,
        }),
        'verify with anchor',
      );
    expect(await verifyWith(receipt.hash)).toMatchObject({ ok: true, anchors: 1 });

    // the superuser hides the package's candidates and re-hashes everything after it
    await rewriteChainFrom(world.db, receipt.seq, (details) => ({ ...details, candidates: 0 }));
    expect((await verify()).ok).toBe(true); // the walk alone cannot tell
    const caught = await verifyWith(receipt.hash);
    expect(caught).toMatchObject({ ok: false, seq: receipt.seq });
    expect(caught.problem).toMatch(/外部锚点/);

    // a malformed anchor is bad input, not a verdict
    const bad = await world.centre.call('GET', anchored('zz'), { token: world.supervisor.token });
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.message).toMatch(/^anchor: 锚点应写作/);

    await rewriteChainFrom(world.db, receipt.seq, () => ingested.details);
    expect(await verifyWith(receipt.hash)).toMatchObject({ ok: true });
  });
});
