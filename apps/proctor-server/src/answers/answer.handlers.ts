import { CodedError, type AnswerEvent } from '@skillexam/shared';
import { deadlineOf, getAttempt } from '../attempts/attempt-repository';
import { queryOne, sql } from '../db/sql';
import type { ServerContext } from '../server-context';
import { candidateOf, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { checkAnswerFitsItem } from './answer-validation';
import { currentAnswers, seqsAbove, stateHashOf } from './answer-state';

/** `answer:save` and `attempt:resync`: the answer path of DESIGN.md §6. */
export function registerAnswerHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db } = ctx.components.store;

  onAction(socket, ctx, 'answer:save', async (event, principal) => {
    const candidate = candidateOf(principal);
    if (event.attemptId !== candidate.attemptId) {
      throw new CodedError('FORBIDDEN', '不能为其他考生保存答案 (not your attempt)');
    }
    const alreadyStored = (): boolean =>
      queryOne(
        db,
        sql`SELECT 1 AS x FROM answer_events WHERE attempt_id = ${event.attemptId} AND seq = ${event.seq}`,
      ) !== undefined;
    const attempt = getAttempt(db, event.attemptId);
    const now = ctx.components.now();
    if (attempt.status !== 'in_progress' && attempt.status !== 'paused') {
      // A re-delivery of something stored before the end is re-acked (its first ack was lost).
      if (alreadyStored()) return { ackedSeq: attempt.ackedSeq };
      throw new CodedError(
        'CONFLICT',
        `考试状态为 ${attempt.status}，不再接收答案 (answers closed)`,
      );
    }
    const deadline = deadlineOf(attempt, now);
    if (deadline !== undefined && now > deadline + ctx.components.settings.answerGraceMs) {
      if (alreadyStored()) return { ackedSeq: attempt.ackedSeq };
      throw new CodedError('CONFLICT', '考试时间已到，不再接收答案 (past the deadline)');
    }
    const item = ctx.catalog.item(attempt.examId, event.itemId);
    if (item === undefined)
      throw new CodedError('NOT_FOUND', `试卷中没有题目 ${event.itemId} (unknown item)`);
    checkAnswerFitsItem(item, event.value);
    const ackedSeq = await ctx.collector.enqueue(event satisfies AnswerEvent);
    return { ackedSeq };
  });

  onAction(socket, ctx, 'attempt:resync', (payload, principal) => {
    const candidate = candidateOf(principal);
    if (payload.attemptId !== candidate.attemptId)
      throw new CodedError('FORBIDDEN', '不是你的作答记录 (not your attempt)');
    ctx.collector.flushNow();
    const attempt = getAttempt(db, payload.attemptId);
    const answers = currentAnswers(db, attempt.id);
    const stateHash = stateHashOf(answers);
    const inSync = stateHash === payload.stateHash && payload.clientSeq === attempt.ackedSeq;
    return {
      ackedSeq: attempt.ackedSeq,
      storedAbove: seqsAbove(db, attempt.id, attempt.ackedSeq),
      stateHash,
      inSync,
      ...(inSync ? {} : { answers }),
      serverTime: ctx.components.now(),
    };
  });
}
