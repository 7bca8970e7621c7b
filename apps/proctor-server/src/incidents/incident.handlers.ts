import type { ServerContext } from '../server-context';
import { actorName, onAction } from '../socket/actions';
import { sessionStaffRooms } from '../socket/staff-rooms';
import type { AppSocket } from '../socket/validated';
import { IncidentService } from './incident-service';

/** `incident:list`, `incident:create`, `incident:confirm`; changes are pushed to every console. */
export function registerIncidentHandlers(socket: AppSocket, ctx: ServerContext): void {
  const { store, now } = ctx.components;
  const incidents = new IncidentService({ db: store.db, audit: store.audit, now });
  onAction(socket, ctx, 'incident:list', ({ sessionId }) => ({
    incidents: incidents.list(sessionId),
  }));
  onAction(socket, ctx, 'incident:create', (payload, p) => {
    const view = incidents.create(payload, actorName(p));
    socket.nsp.to(sessionStaffRooms(store.db, view.sessionId)).emit('monitor:incident', view);
    return view;
  });
  onAction(socket, ctx, 'incident:confirm', ({ incidentId }, p) => {
    const view = incidents.confirm(incidentId, actorName(p));
    socket.nsp.to(sessionStaffRooms(store.db, view.sessionId)).emit('monitor:incident', view);
    return view;
  });
}
