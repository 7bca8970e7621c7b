import { CodedError } from '@skillexam/shared';
import { getAttempt } from '../attempts/attempt-repository';
import { transaction } from '@skillexam/shared/sql';
import type { ServerContext } from '../server-context';
import { candidateOf, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { candidateContent } from './candidate-content';
import { candidateIdentity } from './candidate-identity';
import { sessionContentKey, toContentKey } from './content-key';
import { sealPaper } from './seal-paper';

const NO_PAPER = new Set(['registered', 'submitted', 'force_submitted', 'absent', 'voided']);

/**
 * Content release (contract B↔D): the identity screen, the sealed paper once the identity is
 * confirmed, and the content key only while the attempt runs.
 */
export function registerContentHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db, audit } = ctx.components.store;

  onAction(socket, ctx, 'attempt:identity', (_payload, principal) =>
    candidateIdentity(db, getAttempt(db, candidateOf(principal).attemptId)),
  );

  onAction(socket, ctx, 'attempt:sealed-paper', (_payload, principal) => {
    const attempt = getAttempt(db, candidateOf(principal).attemptId);
    if (attempt.identityConfirmedAt === undefined || NO_PAPER.has(attempt.status)) {
      throw new CodedError(
        'CONFLICT',
        attempt.identityConfirmedAt === undefined
          ? '请先确认身份 (confirm your identity first)'
          : `本场作答已结束 (attempt is ${attempt.status})`,
      );
    }
    const key = transaction(db, () =>
      sessionContentKey(db, attempt.sessionId, ctx.components.now()),
    );
    return sealPaper(candidateContent(db, ctx.catalog, attempt), attempt.id, key);
  });

  onAction(socket, ctx, 'attempt:content-key', (_payload, principal) => {
    const { attemptId } = candidateOf(principal);
    ctx.collector.flushNow();
    const now = ctx.components.now();
    return transaction(db, () => {
      const attempt = getAttempt(db, attemptId);
      if (attempt.status !== 'in_progress' && attempt.status !== 'paused') {
        throw new CodedError('CONFLICT', '试卷尚未发放 (content not released)');
      }
      const key = sessionContentKey(db, attempt.sessionId, now);
      audit.append(
        db,
        {
          actor: `candidate:${attemptId}`,
          action: 'content.key-released',
          payload: { attemptId, sessionId: attempt.sessionId, keyId: key.keyId },
        },
        now,
      );
      return toContentKey(key);
    });
  });
}
