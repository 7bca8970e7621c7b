import type { Queryable } from '../db/center-db';

/* SQL of the approved-scores digest (./batch-digest.ts): candidates as text, a page at a time. */

export interface CandidateContentRow {
  readonly id: string;
  readonly id_number: string;
  readonly name: string;
  readonly theory_result_id: string | null;
  readonly theory_score: string | null;
  readonly skills_score: string | null;
  readonly review_score: string | null;
  readonly outcome: string;
}

/** Up to `limit` candidates of a batch with id above `afterId`, by id; numbers as text. */
export async function readCandidateContent(
  q: Queryable,
  batchId: string,
  afterId: string,
  limit: number,
): Promise<CandidateContentRow[]> {
  return q.query<CandidateContentRow>(
    `SELECT id::text AS id, id_number, name, theory_result_id::text AS theory_result_id,
            theory_score::text AS theory_score, skills_score::text AS skills_score,
            review_score::text AS review_score, outcome
       FROM batch_candidates WHERE batch_id = $1 AND id > $2::bigint ORDER BY id LIMIT $3`,
    [batchId, afterId, limit],
  );
}
