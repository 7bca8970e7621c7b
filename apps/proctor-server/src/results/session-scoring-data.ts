import {
  CodedError,
  PaperAnswerKeysSchema,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { queryAll, queryOne, sql, type ReadableDb } from '../db/sql';

/*
 * What every results view of a session starts from: the exam's answer keys (server-only part of
 * the package) and the stored AttemptScore of each scored attempt. Used by the console's results
 * page and by the results export, so both show the same numbers.
 */

export interface ExamKeys {
  readonly title: string;
  readonly keys: PaperAnswerKeys;
}

export function examAnswerKeys(db: ReadableDb, examId: string): ExamKeys {
  const exam = queryOne<{ title: string; answer_key_json: string }>(
    db,
    sql`SELECT title, answer_key_json FROM exams WHERE id = ${examId}`,
  );
  if (exam === undefined) throw new CodedError('NOT_FOUND', `考试 ${examId} 不存在`);
  const keys = PaperAnswerKeysSchema.safeParse(JSON.parse(exam.answer_key_json));
  if (!keys.success) {
    throw new CodedError('CONFLICT', `考试 ${examId} 没有可用的评分标准 (answer keys missing)`);
  }
  return { title: exam.title, keys: keys.data };
}

/** Attempt id → its score, for every scored attempt of the session. */
export function sessionScores(db: ReadableDb, sessionId: string): Map<string, AttemptScore> {
  return new Map(
    queryAll<{ attempt_id: string; detail_json: string }>(
      db,
      sql`SELECT s.attempt_id, s.detail_json FROM scores s JOIN attempts a ON a.id = s.attempt_id
          WHERE a.session_id = ${sessionId}`,
    ).map((row) => [row.attempt_id, JSON.parse(row.detail_json) as AttemptScore]),
  );
}
