import { CodedError } from '@skillexam/shared';
import { revokeToken } from '../auth/tokens';
import { transaction } from '@skillexam/shared/sql';
import type { ServerContext } from '../server-context';
import { candidateOf, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { attemptDeadline } from './deadline';

/** The kiosk's own events: state, identity confirmation, heartbeat, kiosk reports, submit, logout. */
export function registerCandidateHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db, audit } = ctx.components.store;

  onAction(socket, ctx, 'attempt:state', (_payload, principal) =>
    ctx.attempts.view(candidateOf(principal).attemptId),
  );

  onAction(socket, ctx, 'attempt:confirm-identity', (_payload, principal) => {
    const { attemptId } = candidateOf(principal);
    return ctx.attempts.confirmIdentity(attemptId, `candidate:${attemptId}`);
  });

  onAction(socket, ctx, 'attempt:heartbeat', ({ sentAt }, principal) => {
    const attempt = ctx.attempts.heartbeat(candidateOf(principal).attemptId, sentAt);
    const now = ctx.components.now();
    const deadlineAt = attemptDeadline(attempt, now);
    return {
      serverTime: now,
      sentAt,
      status: attempt.status,
      ...(deadlineAt === undefined ? {} : { deadlineAt }),
    };
  });

  onAction(socket, ctx, 'kiosk:event', (payload, principal) => {
    ctx.attempts.kioskEvent(candidateOf(principal).attemptId, payload);
    return { done: true as const };
  });

  onAction(socket, ctx, 'attempt:submit', (_payload, principal) => {
    const { attemptId } = candidateOf(principal);
    return ctx.attempts.submit(attemptId, `candidate:${attemptId}`);
  });

  onAction(socket, ctx, 'auth:logout', (_payload, principal) => {
    if (principal.kind === 'anonymous') throw new CodedError('UNAUTHORIZED', '未登录');
    const now = ctx.components.now();
    transaction(db, () => {
      revokeToken(db, principal.token, now);
      const actor =
        principal.kind === 'staff'
          ? `staff:${principal.username}`
          : `candidate:${principal.attemptId}`;
      audit.append(db, { actor, action: 'auth.logout', payload: {} }, now);
    });
    setImmediate(() => socket.disconnect(true));
    return { done: true as const };
  });
}
