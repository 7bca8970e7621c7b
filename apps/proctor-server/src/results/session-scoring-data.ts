import {
  CodedError,
  PaperAnswerKeysSchema,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import { examAnswerKeyRow, sessionScoreRows } from './results-repository';

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
  const exam = examAnswerKeyRow(db, examId);
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
    sessionScoreRows(db, sessionId).map((row) => [
      row.attempt_id,
      JSON.parse(row.detail_json) as AttemptScore,
    ]),
  );
}
