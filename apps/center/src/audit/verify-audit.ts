import { verifyApprovedScores } from '../batches/batch-digest';
import { verifyCertificates } from '../certificates/verify-certificates';
import type { AuditVerification } from '@skillexam/shared';
import type { CenterDb, Queryable } from '../db/center-db';
import { anchorProblem, type AuditAnchor } from './audit-anchors';
import { auditRecordHash, GENESIS_HASH } from './audit-chain';
import { readAuditHashes, readAuditHead, readAuditRows, useSnapshot } from './audit-repository';

/*
 * Walks the whole audit chain in pages and reports the first record that does not follow from
 * its predecessor: a changed field, a missing or inserted record, or a head that does not match
 * the last record (records removed from the end). Then, on an intact chain, compares the rows
 * the chain pins with the tables (docs/decisions/1067-center-audit-covers-content.md): every
 * certificate against its issue and void records, every approved batch's scores against its
 * approve record; a mismatch names the record (`seq`) and the certificate or batch (`subject`).
 *
 * The walk alone cannot see a chain rewritten from some record on with every later hash and the
 * head recomputed. Anchors held outside the database (a site's receipt, a head a supervisor
 * wrote down; ./audit-anchors.ts) can: each must name a record of the chain with that hash.
 */

export type { AuditVerification } from '@skillexam/shared';

const PAGE = 1000;

/** Reads one snapshot (REPEATABLE READ), so appends committed meanwhile do not disturb the walk. */
export function verifyAudit(
  db: CenterDb,
  anchors: readonly AuditAnchor[] = [],
): Promise<AuditVerification> {
  return db.transaction(async (tx) => {
    await useSnapshot(tx);
    const chain = await walk(tx);
    if (!chain.ok) return chain;
    const problem =
      (await checkAnchors(tx, anchors)) ??
      (await verifyCertificates(tx, chain.records)) ??
      (await verifyApprovedScores(tx));
    return problem === undefined
      ? { ...chain, anchors: anchors.length }
      : { ok: false, records: chain.records, ...problem };
  });
}

/** The first anchor, in sequence order, that the chain does not agree with. */
async function checkAnchors(
  db: Queryable,
  anchors: readonly AuditAnchor[],
): Promise<{ seq: number; problem: string } | undefined> {
  const sorted = [...anchors].sort((a, b) => a.seq - b.seq);
  const hashes = await readAuditHashes(
    db,
    sorted.map((anchor) => anchor.seq),
  );
  for (const anchor of sorted) {
    const problem = anchorProblem(anchor, hashes.get(anchor.seq));
    if (problem !== undefined) return { seq: anchor.seq, problem };
  }
  return undefined;
}

async function walk(db: Queryable): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let records = 0;
  for (;;) {
    const rows = await readAuditRows(db, expectedSeq - 1, PAGE);
    for (const row of rows) {
      const fail = (problem: string): AuditVerification => ({
        ok: false,
        records,
        seq: row.seq,
        problem,
      });
      if (row.seq !== expectedSeq)
        return fail(`记录缺失 (record ${String(expectedSeq)} is missing)`);
      if (row.prev_hash !== prevHash) return fail('前序哈希不符 (prev_hash does not match)');
      const hash = auditRecordHash(prevHash, row);
      if (hash !== row.hash) return fail('记录内容被改动 (record content does not match its hash)');
      prevHash = row.hash;
      expectedSeq += 1;
      records += 1;
    }
    if (rows.length < PAGE) break;
  }
  const head = await readAuditHead(db);
  if (head === undefined || head.seq !== records || head.hash !== prevHash) {
    return {
      ok: false,
      records,
      seq: records,
      problem: '链尾与最后一条记录不符 (the chain head does not match the last record)',
    };
  }
  return { ok: true, records, headHash: prevHash, anchors: 0 };
}
