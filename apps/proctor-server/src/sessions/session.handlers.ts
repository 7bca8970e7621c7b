import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { assignProctors, assignSupervisors } from './session-proctors';

/** `session:*`: the steps of a session (检录, 开考, 全场暂停, 恢复, 结束), its 监考员 and 督考人员. */
export function registerSessionHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { sessions } = ctx;
  const { store, now } = ctx.components;

  onAction(socket, ctx, 'session:open-check-in', ({ sessionId }, p) =>
    sessions.openCheckIn(sessionId, actorName(p)),
  );
  onAction(socket, ctx, 'session:start', ({ sessionId }, p) =>
    sessions.start(sessionId, actorName(p)),
  );
  onAction(socket, ctx, 'session:pause', ({ sessionId, reason }, p) =>
    sessions.pause(sessionId, reason, actorName(p)),
  );
  onAction(socket, ctx, 'session:resume', ({ sessionId }, p) =>
    sessions.resume(sessionId, actorName(p)),
  );
  onAction(socket, ctx, 'session:end', ({ sessionId, reason }, p) =>
    sessions.end(sessionId, reason, actorName(p)),
  );
  onAction(socket, ctx, 'session:assign-proctors', ({ sessionId, usernames }, p) => ({
    proctors: assignProctors(store.db, store.audit, sessionId, usernames, actorName(p), now()),
  }));
  onAction(socket, ctx, 'session:assign-supervisors', ({ sessionId, usernames }, p) => ({
    supervisors: assignSupervisors(
      store.db,
      store.audit,
      sessionId,
      usernames,
      actorName(p),
      now(),
    ),
  }));
}
