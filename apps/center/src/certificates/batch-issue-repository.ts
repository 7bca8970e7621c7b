import type { Queryable } from '../db/center-db';

/*
 * SQL of issuing a batch: the batch locked for the issuing transaction (two people pressing
 * "issue" at once queue here), and its passed candidates that have no certificate yet.
 */

export interface IssuableBatch {
  readonly id: string;
  readonly organisation_id: string;
  readonly status: string;
  readonly occupation_code: string;
  readonly occupation_name: string;
  readonly level: number;
}

export async function lockBatch(
  tx: Queryable,
  batchId: string,
): Promise<IssuableBatch | undefined> {
  const rows = await tx.query<IssuableBatch>(
    `SELECT id, organisation_id, status, occupation_code, occupation_name, level
     FROM batches WHERE id = $1 FOR UPDATE`,
    [batchId],
  );
  return rows[0];
}

export interface PassedCandidate {
  readonly id: string;
  readonly id_number: string;
  readonly name: string;
}

export async function passedCandidatesWithoutCertificate(
  tx: Queryable,
  batchId: string,
): Promise<PassedCandidate[]> {
  return tx.query<PassedCandidate>(
    `SELECT bc.id::text, bc.id_number, bc.name
     FROM batch_candidates bc
     WHERE bc.batch_id = $1 AND bc.outcome = 'pass'
       AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.batch_candidate_id = bc.id)
     ORDER BY bc.id`,
    [batchId],
  );
}
