import { auditRecordHash, normaliseDetails } from '../../src/audit/audit-chain';
import type { AuditRow } from '../../src/audit/audit-repository';
import type { CenterDb } from '../../src/db/center-db';

/*
 * The attack the chain cannot see on its own (docs/decisions/1070): someone with the database
 * owner's rights changes a record and re-hashes it and every later record, head included, so
 * that the walk finds a consistent chain. `change` edits the details of record `fromSeq`.
 */
export async function rewriteChainFrom(
  db: CenterDb,
  fromSeq: number,
  change: (details: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    const rows = await tx.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [
      fromSeq,
    ]);
    let prevHash = rows[0]?.prev_hash ?? '';
    for (const row of rows) {
      const details = normaliseDetails(row.seq === fromSeq ? change(row.details) : row.details);
      const hash = auditRecordHash(prevHash, { ...row, at: new Date(row.at), details });
      await tx.query(
        'UPDATE audit_log SET details = $2::jsonb, prev_hash = $3, hash = $4 WHERE seq = $1',
        [row.seq, JSON.stringify(details), prevHash, hash],
      );
      prevHash = hash;
    }
    const last = rows.at(-1);
    if (last !== undefined)
      await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = true', [
        last.seq,
        prevHash,
      ]);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
  });
}
