import type { Queryable } from '../db/center-db';
import type { BatchOutcome, PassRule } from './pass-rule';
import type {
  Batch,
  BatchCandidate,
  BatchStatus,
  TheoryResultFilter,
  TheoryResultRow,
} from './batch-types';

/* SQL of batches and their candidates (docs/center-batches.md). */

const BATCH_COLUMNS = `id, organisation_id AS "organisationId", name, occupation_code AS "occupationCode",
  occupation_name AS "occupationName", level, pass_rule AS "passRule", status,
  created_by AS "createdBy", created_at AS "createdAt", submitted_by AS "submittedBy",
  submitted_at AS "submittedAt", approved_by AS "approvedBy", approved_at AS "approvedAt",
  returned_by AS "returnedBy", returned_at AS "returnedAt", return_reason AS "returnReason", makers`;

const CANDIDATE_COLUMNS = `id, batch_id AS "batchId", id_number AS "idNumber", name,
  theory_result_id AS "theoryResultId", theory_score AS "theoryScore",
  skills_score AS "skillsScore", review_score AS "reviewScore", outcome`;

export interface NewBatch {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly level: number;
  readonly passRule: PassRule;
  readonly createdBy: string;
  readonly createdAt: Date;
}

export async function insertBatch(tx: Queryable, batch: NewBatch): Promise<void> {
  await tx.query(
    `INSERT INTO batches (id, organisation_id, name, occupation_code, occupation_name, level,
       pass_rule, created_by, created_at, makers)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb)`,
    [
      batch.id,
      batch.organisationId,
      batch.name,
      batch.occupationCode,
      batch.occupationName,
      batch.level,
      JSON.stringify(batch.passRule),
      batch.createdBy,
      batch.createdAt,
      JSON.stringify([batch.createdBy]),
    ],
  );
}

/** The batch; `lock` takes its row lock for the rest of the transaction. */
export async function readBatch(
  q: Queryable,
  id: string,
  lock = false,
): Promise<Batch | undefined> {
  const rows = await q.query<Batch>(
    `SELECT ${BATCH_COLUMNS} FROM batches WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function listBatches(
  q: Queryable,
  organisationId: string | undefined,
): Promise<Batch[]> {
  return q.query<Batch>(
    `SELECT ${BATCH_COLUMNS} FROM batches
     WHERE ($1::text IS NULL OR organisation_id = $1) ORDER BY created_at DESC, id`,
    [organisationId ?? null],
  );
}

export async function readCandidates(q: Queryable, batchId: string): Promise<BatchCandidate[]> {
  return q.query<BatchCandidate>(
    `SELECT ${CANDIDATE_COLUMNS} FROM batch_candidates WHERE batch_id = $1 ORDER BY id`,
    [batchId],
  );
}

/** Theory results of sites of the organisation, newest package first per ID number. */
export async function findTheoryResults(
  q: Queryable,
  filter: TheoryResultFilter,
): Promise<TheoryResultRow[]> {
  return q.query<TheoryResultRow>(
    `SELECT t.id, t.site_id AS "siteId", t.session_id AS "sessionId", t.exam_id AS "examId",
       t.occupation_and_level AS "occupationAndLevel", t.name, t.id_number AS "idNumber",
       t.status, t.total, t.full_marks AS "fullMarks", t.result
     FROM theory_results t
     JOIN sites s ON s.id = t.site_id
     JOIN result_packages p ON p.id = t.package_id
     WHERE s.organisation_id = $1 AND t.current
       AND ($2::text IS NULL OR t.exam_id = $2)
       AND ($3::text IS NULL OR t.session_id = $3)
       AND ($4::text IS NULL OR t.occupation_and_level = $4)
       AND ($5::text IS NULL OR (starts_with(t.occupation_and_level, $5)
            AND (strpos(t.occupation_and_level, $6) > 0 OR t.occupation_and_level = $7)))
     ORDER BY t.id_number, p.received_at DESC, t.id DESC`,
    [
      filter.organisationId,
      filter.examId ?? null,
      filter.sessionId ?? null,
      filter.occupationAndLevel ?? null,
      filter.occupationAndLevel === undefined ? (filter.occupation?.name ?? null) : null,
      filter.occupation?.levelWord ?? '',
      filter.occupation?.traditional ?? '',
    ],
  );
}

export interface CandidateTheory {
  readonly idNumber: string;
  readonly name: string;
  readonly theoryResultId: number;
  readonly theoryScore: number | null;
}

/** Adds candidates, or updates the theory result of those already in the batch. */
export async function upsertCandidateTheory(
  tx: Queryable,
  batchId: string,
  rows: readonly CandidateTheory[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO batch_candidates (batch_id, id_number, name, theory_result_id, theory_score)
     SELECT $1, u.id_number, u.name, u.theory_result_id, u.theory_score
     FROM unnest($2::text[], $3::text[], $4::bigint[], $5::numeric[])
       AS u(id_number, name, theory_result_id, theory_score)
     ON CONFLICT (batch_id, id_number) DO UPDATE
       SET name = EXCLUDED.name, theory_result_id = EXCLUDED.theory_result_id,
           theory_score = EXCLUDED.theory_score`,
    [
      batchId,
      rows.map((row) => row.idNumber),
      rows.map((row) => row.name),
      rows.map((row) => row.theoryResultId),
      rows.map((row) => row.theoryScore),
    ],
  );
}

export interface CandidateScoreUpdate {
  readonly idNumber: string;
  readonly skillsScore: number | null;
  readonly reviewScore: number | null;
  readonly outcome: BatchOutcome;
}

/** Writes skills/review scores and the outcome of each candidate named (whole rows). */
export async function updateCandidateScores(
  tx: Queryable,
  batchId: string,
  updates: readonly CandidateScoreUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  await tx.query(
    `UPDATE batch_candidates c
     SET skills_score = u.skills, review_score = u.review, outcome = u.outcome
     FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::text[])
       AS u(id_number, skills, review, outcome)
     WHERE c.batch_id = $1 AND c.id_number = u.id_number`,
    [
      batchId,
      updates.map((u) => u.idNumber),
      updates.map((u) => u.skillsScore),
      updates.map((u) => u.reviewScore),
      updates.map((u) => u.outcome),
    ],
  );
}

export async function addMaker(tx: Queryable, batchId: string, staffId: string): Promise<void> {
  await tx.query(
    `UPDATE batches SET makers = makers || $2::jsonb
     WHERE id = $1 AND NOT makers @> $2::jsonb`,
    [batchId, JSON.stringify([staffId])],
  );
}

export interface StatusChange {
  readonly status: BatchStatus;
  readonly by: string;
  readonly at: Date;
  readonly reason?: string;
}

/** Moves the batch to `status`, recording who and when in that step's columns. */
export async function setBatchStatus(
  tx: Queryable,
  batchId: string,
  change: StatusChange,
): Promise<void> {
  const params = [batchId, change.status, change.by, change.at];
  if (change.status === 'submitted') {
    await tx.query(
      `UPDATE batches SET status = $2, submitted_by = $3, submitted_at = $4 WHERE id = $1`,
      params,
    );
  } else if (change.status === 'approved') {
    await tx.query(
      `UPDATE batches SET status = $2, approved_by = $3, approved_at = $4 WHERE id = $1`,
      params,
    );
  } else if (change.status === 'returned') {
    await tx.query(
      `UPDATE batches SET status = $2, returned_by = $3, returned_at = $4, return_reason = $5
       WHERE id = $1`,
      [...params, change.reason ?? ''],
    );
  } else throw new RangeError('a batch never goes back to draft');
}
