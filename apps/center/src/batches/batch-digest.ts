import { auditRecordsOf, type ContentProblem } from '../audit/audit-pages';
import { ListDigest, rowDigest } from '../audit/content-digest';
import type { Queryable } from '../db/center-db';
import { readCandidateContent, type CandidateContentRow } from './batch-digest-repository';

/*
 * What the audit chain pins of an approved batch (docs/decisions/1068-center-approved-scores-digest.md):
 * batch.approve records `scoresDigest`, the list digest of its candidates by id (ID number, name,
 * theory result, theory, skills and review scores, outcome); `audit verify` recomputes it from
 * the table, a page of candidates at a time. An approved batch never changes, so the approve
 * record is its latest state.
 */

const PAGE = 1000;

function candidateDigest(row: CandidateContentRow): string {
  return rowDigest([
    row.id,
    row.id_number,
    row.name,
    row.theory_result_id,
    row.theory_score,
    row.skills_score,
    row.review_score,
    row.outcome,
  ]);
}

export async function batchScoresDigest(
  q: Queryable,
  batchId: string,
): Promise<{ readonly digest: string; readonly candidates: number }> {
  const list = new ListDigest();
  let after = '0';
  for (;;) {
    const rows = await readCandidateContent(q, batchId, after, PAGE);
    for (const row of rows) list.add(candidateDigest(row));
    const last = rows.at(-1);
    if (rows.length < PAGE || last === undefined) break;
    after = last.id;
  }
  return { candidates: list.count, digest: list.finish() };
}

/** The first approved batch whose candidates no longer match its batch.approve record. */
export async function verifyApprovedScores(db: Queryable): Promise<ContentProblem | undefined> {
  for await (const record of auditRecordsOf(db, 'batch.approve')) {
    const expected = record.details['scoresDigest'];
    // records written before decision 1068 carry counts only
    if (typeof expected !== 'string') continue;
    const { digest } = await batchScoresDigest(db, record.subject);
    if (digest !== expected) {
      return {
        seq: record.seq,
        subject: record.subject,
        problem: `批次 ${record.subject} 的考生成绩与审核通过时不符 (approved scores were changed)`,
      };
    }
  }
  return undefined;
}
