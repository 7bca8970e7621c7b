import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import type { AppSocket } from '../socket/validated';

/** `incident:list`, `incident:create`, `incident:confirm`; the service pushes changes to the consoles. */
export function registerIncidentHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { incidents } = ctx;
  onAction(socket, ctx, 'incident:list', ({ sessionId }) => ({
    incidents: incidents.list(sessionId),
  }));
  onAction(socket, ctx, 'incident:create', (payload, p) => incidents.create(payload, actorName(p)));
  onAction(socket, ctx, 'incident:confirm', ({ incidentId }, p) =>
    incidents.confirm(incidentId, actorName(p)),
  );
}
