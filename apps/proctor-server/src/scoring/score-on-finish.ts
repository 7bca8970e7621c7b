import {
  PaperAnswerKeysSchema,
  scoreAttempt,
  type AnswerValue,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { Logger } from 'pino';
import { currentAnswers } from '../answers/answer-repository';
import type { AuditLog } from '../audit/audit-log';
import { getAttempt } from '../attempts/attempt-repository';
import type { FinishedHook } from '../attempts/attempt-service';
import type { WritableDb } from '@skillexam/shared/sql';
import type { ExamCatalog } from '../exams/exam-repository';
import { SCORE_SAVE_ACTION, scoreRecordPayload } from '@skillexam/item-bank/results-package';
import { upsertScore } from './score-repository';

/**
 * Scores an attempt when it is finished, inside the same transaction, with the shared scoring
 * library and the exam's answer keys. A scoring problem (e.g. keys missing for an exam imported
 * by a test) is logged and never blocks the submission itself; the attempt can be rescored.
 */
export function createScoreOnFinish(
  catalog: ExamCatalog,
  audit: AuditLog,
  logger: Logger,
): FinishedHook {
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
    saveScore(db, audit, {
      attemptId,
      score: scoreAttempt(keys.data, answers),
      keys: keys.data,
      answers,
      actor: 'system',
      now,
    });
  };
}

export interface ScoreToSave {
  readonly attemptId: string;
  readonly score: AttemptScore;
  /** The inputs the score was computed from; chained so verification can recompute it. */
  readonly keys: PaperAnswerKeys;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly manualMarks?: ReadonlyMap<string, number>;
  readonly actor: string;
  readonly now: number;
}

/**
 * Stores (or replaces) an attempt's score and appends its `score.save` audit record in the
 * caller's transaction; also used after manual marking completes (docs/decisions/0213).
 */
export function saveScore(db: WritableDb, audit: AuditLog, input: ScoreToSave): void {
  const { attemptId, score, now } = input;
  const attempt = getAttempt(db, attemptId);
  const owner = {
    ticket: attempt.admissionTicket,
    name: attempt.name,
    idNumber: attempt.idNumber,
    status: attempt.status,
  };
  upsertScore(db, attemptId, score, now);
  audit.append(
    db,
    {
      actor: input.actor,
      action: SCORE_SAVE_ACTION,
      payload: scoreRecordPayload(
        attemptId,
        score,
        input.keys,
        input.answers,
        input.manualMarks,
        owner,
      ),
    },
    now,
  );
}
