import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import { firstAuditSeqOfExam, openSessionIdsOfExam } from './console-repository';
import { getSession } from '../sessions/session-repository';

/*
 * The answer key stays secret while the exam runs anywhere
 * (docs/decisions/0220): no staff role receives an answer key, per-option correctness or item
 * statistics of an exam while ANY session of that exam has not ended — a later session of the
 * same paper would otherwise be exposed before it starts.
 */

/** The sessions of the exam that have not ended yet (empty: the key may be released). */
export function openSessionsOfExam(db: ReadableDb, examId: string): string[] {
  return openSessionIdsOfExam(db, examId);
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

/*
 * Once released, always released (docs/decisions/0220, "released is recorded"): the first
 * key-bearing file handed out (console download, `results export`) or item statistics shown is
 * chained as `exam.key-released`; from then on no new session of that exam may be created, so
 * ending a later session early, downloading the key and scheduling a replacement is refused.
 */

export const KEY_RELEASED_ACTION = 'exam.key-released';

/** The chained release of the exam's key, if any (audit seq). */
export function keyReleaseOf(db: ReadableDb, examId: string): number | undefined {
  return firstAuditSeqOfExam(db, KEY_RELEASED_ACTION, examId);
}

/**
 * Records (once per exam, audited) that the key of the session's exam left the server, e.g.
 * `via: 'results-package'`. Call only after `assertKeyReleased` passed.
 */
export function recordKeyRelease(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  via: string,
  actor: string,
  now: number,
): void {
  const { examId } = getSession(db, sessionId);
  transaction(db, () => {
    if (keyReleaseOf(db, examId) !== undefined) return;
    audit.append(
      db,
      { actor, action: KEY_RELEASED_ACTION, payload: { examId, sessionId, via } },
      now,
    );
  });
}

/** CONFLICT when the exam's key has been released: no new session may sit that paper. */
export function assertKeyNotReleased(db: ReadableDb, examId: string): void {
  const seq = keyReleaseOf(db, examId);
  if (seq === undefined) return;
  throw new CodedError(
    'CONFLICT',
    `考试 ${examId} 的答案已随成绩文件发出（审计记录 #${seq}），不能再为该试卷安排考试场次 (answer key already released; the paper cannot be sat again)`,
  );
}
