import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { sendProctorMessage } from './proctor-message';

/** `proctor:*`: a proctor's actions on one candidate's attempt (admit, pause, 补时, 作废, move…). */
export function registerProctorHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db } = ctx.components.store;
  const { attempts } = ctx;

  onAction(socket, ctx, 'proctor:admit', ({ sessionId, attemptIds }, p) => ({
    admitted: attempts.admit(sessionId, attemptIds, actorName(p)),
  }));
  onAction(socket, ctx, 'proctor:pause', ({ attemptId, reason }, p) =>
    attempts.pause(attemptId, reason, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:resume', ({ attemptId }, p) =>
    attempts.resume(attemptId, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:extend', ({ attemptId, minutes, reason }, p) =>
    attempts.extend(attemptId, minutes, reason, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:extension-cap', ({ attemptId, capMinutes, reason }, p) =>
    attempts.raiseExtensionCap(attemptId, capMinutes, reason, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:force-submit', ({ attemptId, reason }, p) =>
    attempts.forceSubmit(attemptId, reason, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:void', ({ attemptId, reason }, p) =>
    attempts.void(attemptId, reason, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:move', (payload, p) => attempts.move(payload, actorName(p)));
  onAction(socket, ctx, 'proctor:unlock', ({ attemptId }, p) =>
    attempts.unlock(attemptId, actorName(p)),
  );
  onAction(socket, ctx, 'proctor:message', (payload, p) =>
    sendProctorMessage(
      { db, audit: ctx.components.store.audit, notifier: ctx.notifier },
      payload,
      { actor: actorName(p), name: p.kind === 'staff' ? p.username : actorName(p) },
      ctx.components.now(),
    ),
  );
}
