import {
  queryAll,
  queryOne,
  run,
  sql,
  sqlList,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import type { AuditCheckpoint } from './audit-log';

/*
 * The SQL of the audit hash chain (`audit_log`, `audit_checkpoints`) and of the tables verified
 * against it. The chain's rules (hashing, signing, what must match) live in audit-log.ts,
 * verify.ts and verify-records.ts. Long reads iterate, so a big chain is never held in memory.
 */

export interface AuditRow {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly payload_json: string;
  readonly payload_hash: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** The last record, and whether a checkpoint signs it. */
export function headForSeal(
  db: ReadableDb,
): { seq: number; hash: string; at: number; signed: number } | undefined {
  return queryOne<{ seq: number; hash: string; at: number; signed: number }>(
    db,
    sql`SELECT seq, hash, at,
               EXISTS (SELECT 1 FROM audit_checkpoints c WHERE c.seq = audit_log.seq) AS signed
        FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
}

export function insertCheckpoint(db: WritableDb, checkpoint: AuditCheckpoint): void {
  run(
    db,
    sql`INSERT INTO audit_checkpoints (seq, hash, signature, at)
        VALUES (${checkpoint.seq}, ${checkpoint.hash}, ${checkpoint.signature}, ${checkpoint.at})`,
  );
}

export function chainHead(db: ReadableDb): { seq: number; hash: string } | undefined {
  return queryOne<{ seq: number; hash: string }>(
    db,
    sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
  );
}

export function insertAuditRecord(
  db: WritableDb,
  record: {
    readonly seq: number;
    readonly at: number;
    readonly actor: string;
    readonly action: string;
    readonly payloadJson: string;
    readonly payloadHash: string;
    readonly prevHash: string;
    readonly hash: string;
  },
): void {
  run(
    db,
    sql`INSERT INTO audit_log (seq, at, actor, action, payload_json, payload_hash, prev_hash, hash)
        VALUES (${record.seq}, ${record.at}, ${record.actor}, ${record.action}, ${record.payloadJson},
                ${record.payloadHash}, ${record.prevHash}, ${record.hash})`,
  );
}

export function latestCheckpoint(db: ReadableDb): AuditCheckpoint | undefined {
  return queryOne<AuditCheckpoint>(
    db,
    sql`SELECT seq, hash, signature, at FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`,
  );
}

export function recordHashAt(db: ReadableDb, seq: number): string | undefined {
  return queryOne<{ hash: string }>(db, sql`SELECT hash FROM audit_log WHERE seq = ${seq}`)?.hash;
}

export function recordsOfAction(
  db: ReadableDb,
  action: string,
): { seq: number; at: number; payload_json: string }[] {
  return queryAll<{ seq: number; at: number; payload_json: string }>(
    db,
    sql`SELECT seq, at, payload_json FROM audit_log WHERE action = ${action} ORDER BY seq`,
  );
}

/** Every record in chain order. */
export function iterateAuditRecords(db: ReadableDb): IterableIterator<AuditRow> {
  return db
    .prepare(
      'SELECT seq, at, actor, action, payload_json, payload_hash, prev_hash, hash FROM audit_log ORDER BY seq',
    )
    .iterate() as IterableIterator<AuditRow>;
}

export function checkpointRows(db: ReadableDb): { seq: number; hash: string; signature: string }[] {
  return queryAll<{ seq: number; hash: string; signature: string }>(
    db,
    sql`SELECT seq, hash, signature FROM audit_checkpoints ORDER BY seq`,
  );
}

/** Records of these actions in chain order. */
export function iterateRecordsOfActions(
  db: ReadableDb,
  actions: readonly string[],
): IterableIterator<{ seq: number; action: string; payload_json: string }> {
  const query = sql`SELECT seq, action, payload_json FROM audit_log WHERE action IN (${sqlList(actions)}) ORDER BY seq`;
  return db.prepare(query.text).iterate(...query.params) as IterableIterator<{
    seq: number;
    action: string;
    payload_json: string;
  }>;
}

export interface AttemptOwnerRow {
  readonly id: string;
  readonly ticket: string;
  readonly name: string;
  readonly id_number: string;
  readonly status: string;
  readonly exam_id: string;
}

export function attemptOwnerRows(db: ReadableDb): AttemptOwnerRow[] {
  return queryAll<AttemptOwnerRow>(
    db,
    sql`SELECT a.id, a.admission_ticket AS ticket, a.name, a.id_number, a.status, s.exam_id
        FROM attempts a JOIN sessions s ON s.id = a.session_id`,
  );
}

export function examAnswerKeyJson(db: ReadableDb, examId: string): string | undefined {
  return queryOne<{ answer_key_json: string }>(
    db,
    sql`SELECT answer_key_json FROM exams WHERE id = ${examId}`,
  )?.answer_key_json;
}

export interface StoredAnswerRow {
  readonly attempt_id: string;
  readonly seq: number;
  readonly item_id: string;
  readonly value_json: string;
}

export function iterateAnswerEventRows(db: ReadableDb): IterableIterator<StoredAnswerRow> {
  return db
    .prepare(
      'SELECT attempt_id, seq, item_id, value_json FROM answer_events ORDER BY attempt_id, seq',
    )
    .iterate() as IterableIterator<StoredAnswerRow>;
}

export function iterateCurrentAnswerRows(db: ReadableDb): IterableIterator<StoredAnswerRow> {
  return db
    .prepare(
      'SELECT attempt_id, item_id, seq, value_json FROM answers_current ORDER BY attempt_id, item_id',
    )
    .iterate() as IterableIterator<StoredAnswerRow>;
}

export function scoreRows(
  db: ReadableDb,
): { attempt_id: string; total: number; passed: number; detail_json: string }[] {
  return queryAll<{ attempt_id: string; total: number; passed: number; detail_json: string }>(
    db,
    sql`SELECT attempt_id, total, passed, detail_json FROM scores ORDER BY attempt_id`,
  );
}

/** An audit record without its hashes: what a timeline shows. */
export type AuditSummaryRow = Pick<AuditRow, 'seq' | 'at' | 'actor' | 'action' | 'payload_json'>;

/**
 * The newest `limit` audit records about an attempt or by its candidate, answer saves left out,
 * newest first.
 */
export function attemptAuditRows(
  db: ReadableDb,
  attemptId: string,
  limit: number,
): AuditSummaryRow[] {
  const actor = `candidate:${attemptId}`;
  return queryAll<AuditSummaryRow>(
    db,
    sql`SELECT seq, at, actor, action, payload_json FROM audit_log
         WHERE json_extract(payload_json, '$.attemptId') = ${attemptId} AND action <> 'answer.save'
        UNION
        SELECT seq, at, actor, action, payload_json FROM audit_log
         WHERE actor = ${actor} AND action <> 'answer.save'
        ORDER BY seq DESC LIMIT ${limit}`,
  );
}
