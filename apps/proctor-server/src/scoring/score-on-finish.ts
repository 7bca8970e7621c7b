import {
  PaperAnswerKeysSchema,
  scoreAttempt,
  type AnswerValue,
  type AttemptScore,
} from '@skillexam/shared';
import type { Logger } from 'pino';
import { currentAnswers } from '../answers/answer-state';
import { getAttempt } from '../attempts/attempt-repository';
import type { FinishedHook } from '../attempts/attempt-service';
import { run, sql, type WritableDb } from '../db/sql';
import type { ExamCatalog } from '../exams/exam-repository';

/**
 * Scores an attempt when it is finished, inside the same transaction, with the shared scoring
 * library and the exam's answer keys. A scoring problem (e.g. keys missing for an exam imported
 * by a test) is logged and never blocks the submission itself; the attempt can be rescored.
 */
export function createScoreOnFinish(catalog: ExamCatalog, logger: Logger): FinishedHook {
  return (db, attemptId, now) => {
    const attempt = getAttempt(db, attemptId);
    const keys = PaperAnswerKeysSchema.safeParse(catalog.answerKey(attempt.examId));
    if (!keys.success) {
      logger.warn(
        { attemptId, examId: attempt.examId },
        'no usable answer keys; attempt left unscored',
      );
      return;
    }
    const answers = new Map<string, AnswerValue>(
      currentAnswers(db, attemptId).map((a) => [a.itemId, a.value]),
    );
    saveScore(db, attemptId, scoreAttempt(keys.data, answers), now);
  };
}

/** Stores (or replaces) an attempt's score; also used after manual marking completes. */
export function saveScore(
  db: WritableDb,
  attemptId: string,
  score: AttemptScore,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO scores (attempt_id, total, passed, detail_json, scored_at)
        VALUES (${attemptId}, ${score.total}, ${score.result === 'pass' ? 1 : 0}, ${JSON.stringify(score)}, ${now})
        ON CONFLICT (attempt_id) DO UPDATE SET total = excluded.total, passed = excluded.passed,
          detail_json = excluded.detail_json, scored_at = excluded.scored_at`,
  );
}
