import {
  CodedError,
  type ClientAckData,
  type ClientEventName,
  type ParsedClientPayload,
} from '@skillexam/shared';
import { mayCall } from '../auth/roles';
import { roleOf, type Principal } from '../auth/principal';
import { assertSessionScope } from '../auth/session-scope';
import type { ServerContext } from '../server-context';
import { principalOf } from './socket-auth';
import { onValidated, type AppSocket } from './validated';

/**
 * Registers an event handler behind the role table (SOCKET_ROLES, src/auth/roles.ts), the token expiry and the
 * payload size limit; only then is the payload parsed and the handler called.
 */
export function onAction<E extends ClientEventName>(
  socket: AppSocket,
  ctx: ServerContext,
  event: E,
  handler: (
    payload: ParsedClientPayload<E>,
    principal: Principal,
  ) => Promise<ClientAckData<E>> | ClientAckData<E>,
): void {
  const { logger, settings, now } = ctx.components;
  onValidated(
    socket,
    event,
    logger,
    (payload) => {
      const { principal } = principalOf(socket);
      // Proctors act on their own sessions only (src/auth/session-scope.ts).
      assertSessionScope(ctx.components.store.db, event, payload, principal);
      return handler(payload, principal);
    },
    {
      maxPayloadBytes: settings.maxPayloadBytes,
      authorize: () => {
        const { principal, expiresAt } = principalOf(socket);
        if (expiresAt <= now()) {
          return { code: 'UNAUTHORIZED', message: '登录已过期，请重新登录 (token expired)' };
        }
        if (!mayCall(roleOf(principal), event)) {
          return {
            code: 'FORBIDDEN',
            message: `无权执行 ${event} (role ${roleOf(principal)} may not call it)`,
          };
        }
        return undefined;
      },
    },
  );
}

export function candidateOf(principal: Principal): Extract<Principal, { kind: 'candidate' }> {
  if (principal.kind !== 'candidate')
    throw new CodedError('FORBIDDEN', '仅考生可用 (candidates only)');
  return principal;
}

export function actorName(principal: Principal): string {
  return principal.kind === 'staff'
    ? `staff:${principal.username}`
    : principal.kind === 'candidate'
      ? `candidate:${principal.attemptId}`
      : 'anonymous';
}
