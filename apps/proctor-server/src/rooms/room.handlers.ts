import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { setRoomLayout } from './room-layout';

/** `room:set-layout`: the exam admin redraws a room's seat map. */
export function registerRoomHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { db, audit } = ctx.components.store;
  onAction(socket, ctx, 'room:set-layout', (payload, principal) =>
    setRoomLayout(db, audit, payload, actorName(principal), ctx.components.now()),
  );
}
