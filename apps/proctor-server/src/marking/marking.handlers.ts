import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import type { ServerContext } from '../server-context';

/** `marking:*` events: the short-answer marking queue for 考评人员. */
export function registerMarkingHandlers(socket: AppSocket, ctx: ServerContext): void {
  onAction(socket, ctx, 'marking:queue', ({ sessionId }, p) =>
    ctx.marking.queue(sessionId, actorName(p)),
  );
  onAction(socket, ctx, 'marking:submit', (payload, p) =>
    ctx.marking.submit(payload, actorName(p)),
  );
}
