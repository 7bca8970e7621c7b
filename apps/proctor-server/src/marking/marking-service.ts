import {
  CodedError,
  finalizeManualMark,
  PaperAnswerKeysSchema,
  scoreAttempt,
  type AnswerValue,
  type ManualMark,
  type ManualMarkingPolicy,
  type MarkingQueue,
  type MarkingSubmitPayload,
  type MarkingSubmitResult,
  type MarkingTask,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { currentAnswers } from '../answers/answer-repository';
import { getAttempt, listAttempts } from '../attempts/attempt-repository';
import type { AttemptRecord } from '../attempts/attempt-record';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { ExamCatalog } from '../exams/exam-repository';
import { saveScore } from '../scoring/score-on-finish';
import { insertManualMark, manualMarkRows } from './marking-repository';

export interface MarkingDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly catalog: ExamCatalog;
  readonly now: () => number;
  /** One marker, or two independent markers with a third when they differ (default 1). */
  readonly policy: ManualMarkingPolicy;
}

interface ShortAnswerItem {
  readonly itemId: string;
  readonly number: number;
  readonly maxPoints: number;
}

const FINISHED = new Set(['submitted', 'force_submitted']);

function shortAnswerItems(keys: PaperAnswerKeys): ShortAnswerItem[] {
  return keys.sections
    .filter((section) => section.itemType === 'short_answer')
    .flatMap((section) =>
      section.items.map((item) => ({
        itemId: item.itemId,
        number: item.number,
        maxPoints: section.pointsEach,
      })),
    );
}

function answerText(value: AnswerValue | undefined): string {
  return value?.kind === 'text' ? value.text : '';
}

/**
 * The manual marking queue (docs/decisions/0250): short answers of finished attempts, marked by one or
 * two independent markers (`finalizeManualMark`); when every short answer of an attempt is
 * final, the attempt is rescored with the marks. Marks and rescoring are audited and written in
 * one transaction.
 */
export class MarkingService {
  constructor(private readonly deps: MarkingDeps) {}

  queue(sessionId: string, marker: string): MarkingQueue {
    const tasks: MarkingTask[] = [];
    for (const attempt of listAttempts(this.deps.db, sessionId)) {
      if (!FINISHED.has(attempt.status)) continue;
      const keys = this.keysOf(attempt);
      const answers = this.answersOf(attempt.id);
      for (const item of shortAnswerItems(keys)) {
        const marks = this.marksOf(attempt.id, item.itemId);
        const outcome = finalizeManualMark(item.maxPoints, marks, this.deps.policy);
        const mine = marks.find((m) => m.markerId === marker);
        tasks.push({
          attemptId: attempt.id,
          itemId: item.itemId,
          number: item.number,
          maxPoints: item.maxPoints,
          answerText: answerText(answers.get(item.itemId)),
          status: outcome.status,
          ...(mine === undefined ? {} : { myPoints: mine.points }),
          marksGiven: marks.length,
        });
      }
    }
    return { tasks };
  }

  submit(payload: MarkingSubmitPayload, marker: string): MarkingSubmitResult {
    const { db, audit, now } = this.deps;
    return transaction(db, () => {
      const attempt = getAttempt(db, payload.attemptId);
      if (!FINISHED.has(attempt.status)) {
        throw new CodedError('CONFLICT', '考生尚未交卷，不能评分 (attempt not finished)');
      }
      const keys = this.keysOf(attempt);
      const items = shortAnswerItems(keys);
      const item = items.find((i) => i.itemId === payload.itemId);
      if (item === undefined) {
        throw new CodedError(
          'NOT_FOUND',
          `试题 ${payload.itemId} 不是本卷的简答题 (not a short answer)`,
        );
      }
      const at = now();
      const mark: ManualMark = {
        markerId: marker,
        points: payload.points,
        markedAt: new Date(at).toISOString(),
        ...(payload.comment === undefined ? {} : { comment: payload.comment }),
      };
      const marks = [...this.marksOf(attempt.id, item.itemId), mark];
      if (marks.filter((m) => m.markerId === marker).length > 1) {
        throw new CodedError('CONFLICT', '您已评过此题 (already marked by you)');
      }
      const outcome = finalizeManualMark(item.maxPoints, marks, this.deps.policy);
      insertManualMark(db, {
        attemptId: attempt.id,
        itemId: item.itemId,
        marker,
        points: payload.points,
        comment: payload.comment ?? null,
        markedAt: at,
      });
      audit.append(
        db,
        { actor: marker, action: 'marking.mark', payload: { ...payload, status: outcome.status } },
        at,
      );
      if (outcome.status !== 'final') return { status: outcome.status };

      const finals = new Map<string, number>();
      for (const other of items) {
        const result = finalizeManualMark(
          other.maxPoints,
          this.marksOf(attempt.id, other.itemId),
          this.deps.policy,
        );
        if (result.status === 'final') finals.set(other.itemId, result.points);
      }
      if (finals.size < items.length) return { status: 'final', finalPoints: outcome.points };
      const answers = this.answersOf(attempt.id);
      const score = scoreAttempt(keys, answers, { manualMarks: finals });
      saveScore(db, audit, {
        attemptId: attempt.id,
        score,
        keys,
        answers,
        manualMarks: finals,
        actor: marker,
        now: at,
      });
      audit.append(
        db,
        {
          actor: marker,
          action: 'marking.rescore',
          payload: { attemptId: attempt.id, total: score.total },
        },
        at,
      );
      return {
        status: 'final',
        finalPoints: outcome.points,
        total: score.total,
        result: score.result,
      };
    });
  }

  private keysOf(attempt: AttemptRecord): PaperAnswerKeys {
    const keys = PaperAnswerKeysSchema.safeParse(this.deps.catalog.answerKey(attempt.examId));
    if (!keys.success)
      throw new CodedError('NOT_FOUND', `考试 ${attempt.examId} 没有可用的答案 (no answer keys)`);
    return keys.data;
  }

  private answersOf(attemptId: string): Map<string, AnswerValue> {
    return new Map(currentAnswers(this.deps.db, attemptId).map((a) => [a.itemId, a.value]));
  }

  private marksOf(attemptId: string, itemId: string): ManualMark[] {
    return manualMarkRows(this.deps.db, attemptId, itemId).map((row) => ({
      markerId: row.marker,
      points: row.points,
      markedAt: new Date(row.marked_at).toISOString(),
      ...(row.comment === null ? {} : { comment: row.comment }),
    }));
  }
}
