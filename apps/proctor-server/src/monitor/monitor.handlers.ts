import type { ServerContext } from '../server-context';
import { onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';
import { buildMonitorSnapshot } from './monitor-snapshot';

/** `monitor:snapshot`: the console's full picture of a session; later changes are pushed. */
export function registerMonitorHandlers(socket: AppSocket, ctx: ServerContext): void {
  onAction(socket, ctx, 'monitor:snapshot', ({ sessionId }) =>
    buildMonitorSnapshot(
      {
        db: ctx.components.store.db,
        catalog: ctx.catalog,
        isOnline: (id) => ctx.notifier.isOnline(id),
      },
      sessionId,
      ctx.components.now(),
    ),
  );
}
