import { CodedError } from '@skillexam/shared';
import { queryAll, sql, type ReadableDb } from '../db/sql';
import { getSession } from '../sessions/session-repository';

/*
 * The answer key stays secret while the exam runs anywhere (issue 14 item 1,
 * docs/decisions/0220): no staff role receives an answer key, per-option correctness or item
 * statistics of an exam while ANY session of that exam has not ended — a later session of the
 * same paper would otherwise be exposed before it starts.
 */

/** The sessions of the exam that have not ended yet (empty: the key may be released). */
export function openSessionsOfExam(db: ReadableDb, examId: string): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM sessions WHERE exam_id = ${examId} AND status <> 'ended' ORDER BY id`,
  ).map((row) => row.id);
}

/** Whether every session of the session's exam has ended. */
export function keyReleasedForSession(db: ReadableDb, sessionId: string): boolean {
  return openSessionsOfExam(db, getSession(db, sessionId).examId).length === 0;
}

/** CONFLICT naming the open sessions while the key must stay secret. */
export function assertKeyReleased(db: ReadableDb, sessionId: string): void {
  const open = openSessionsOfExam(db, getSession(db, sessionId).examId);
  if (open.length === 0) return;
  throw new CodedError(
    'CONFLICT',
    `本考试还有场次未结束（${open.join('、')}），答案、答卷与试题分析在全部场次结束后才能查看 (answer key withheld until every session of the exam has ended)`,
  );
}
