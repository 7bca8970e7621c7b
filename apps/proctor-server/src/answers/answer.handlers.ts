import { CodedError, type AnswerEvent } from '@skillexam/shared';
import { findAttempt, getAttempt } from '../attempts/attempt-repository';
import type { ServerContext } from '../server-context';
import { candidateOf, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { checkAnswerFitsItem } from './answer-validation';
import { admitAnswer, isPermanentSaveError } from './answer-admission';
import { answerEventStored, currentAnswers, seqsAbove } from './answer-repository';
import { stateHashOf } from './answer-state';
import { SAVE_REJECTION_INTERVAL_MS, SaveRejectionLog } from './save-rejection-log';

/** `answer:save` and `attempt:resync`: steps 3 and 4 of docs/architecture.md#the-answer-path. */
export function registerAnswerHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db } = ctx.components.store;

  onAction(socket, ctx, 'answer:save', async (event, principal) => {
    const candidate = candidateOf(principal);
    try {
      return { ackedSeq: await saveAnswer(ctx, candidate.attemptId, event) };
    } catch (error) {
      if (error instanceof CodedError && isPermanentSaveError(error.code)) {
        const attempt = findAttempt(db, candidate.attemptId);
        if (attempt !== undefined) {
          rejectionLogOf(ctx).record({
            attemptId: attempt.id,
            sessionId: attempt.sessionId,
            seq: event.seq,
            itemId: event.itemId,
            code: error.code,
            message: error.message,
          });
        }
      }
      throw error;
    }
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

/**
 * Validates one event by the server's own receive time and queues it for the group commit
 * (docs/decisions/0201, 0225); resolves with the acked seq once it is durable.
 */
async function saveAnswer(
  ctx: ServerContext,
  attemptId: string,
  event: AnswerEvent,
): Promise<number> {
  const { db } = ctx.components.store;
  if (event.attemptId !== attemptId) {
    throw new CodedError('FORBIDDEN', '不能为其他考生保存答案 (not your attempt)');
  }
  const attempt = getAttempt(db, event.attemptId);
  const now = ctx.components.now();
  const admission = admitAnswer(attempt, now, ctx.components.settings.answerGraceMs);
  if (!admission.accepted) {
    // A re-delivery of something stored before is re-acked (its first ack was lost).
    if (answerEventStored(db, event.attemptId, event.seq)) return attempt.ackedSeq;
    throw new CodedError(admission.code, admission.message);
  }
  const item = ctx.catalog.item(attempt.examId, event.itemId);
  if (item === undefined)
    throw new CodedError('NOT_FOUND', `试卷中没有题目 ${event.itemId} (unknown item)`);
  checkAnswerFitsItem(item, event.value);
  return ctx.collector.enqueue(event);
}

const rejectionLogs = new WeakMap<ServerContext, SaveRejectionLog>();

/** One rejection log per application (its throttle must be shared by all sockets). */
function rejectionLogOf(ctx: ServerContext): SaveRejectionLog {
  let log = rejectionLogs.get(ctx);
  if (log === undefined) {
    log = new SaveRejectionLog({
      db: ctx.components.store.db,
      audit: ctx.components.store.audit,
      notifier: ctx.notifier,
      now: ctx.components.now,
      minIntervalMs: SAVE_REJECTION_INTERVAL_MS,
    });
    rejectionLogs.set(ctx, log);
  }
  return log;
}
