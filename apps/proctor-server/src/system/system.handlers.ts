import type { Components } from '../components';
import { onValidated, type AppSocket } from '../socket/validated';

/** `system:*` events: clock sync and liveness, available to every connected client. */
export function registerSystemHandlers(socket: AppSocket, components: Components): void {
  onValidated(socket, 'system:ping', components.logger, ({ sentAt }) => ({
    sentAt,
    serverTime: components.now(),
    serverVersion: components.version,
  }));
}
