import type {
  AttemptMessage,
  AttemptView,
  ClientToServerEvents,
  IncidentView,
  KioskEventNotice,
  ServerToClientEvents,
  SessionView,
} from '@skillexam/shared';
import type { Server } from 'socket.io';
import type { ReadableDb } from '@skillexam/shared/sql';
import { sessionStaffRooms } from './staff-rooms';

/**
 * Pushes status changes to the candidate's sockets and to the consoles of the staff who may see
 * the session (admins, supervisors, its proctors: src/socket/staff-rooms.ts).
 */
export interface Notifier {
  attemptChanged(view: AttemptView): void;
  sessionChanged(view: SessionView): void;
  kioskEvent(notice: KioskEventNotice): void;
  /** A 考场情况记录 was recorded or confirmed (`monitor:incident`). */
  incidentChanged(view: IncidentView): void;
  /** Tells the sockets of an attempt that their login is no longer valid, then drops them. */
  revokeAttempt(attemptId: string, reason: string): void;
  /** A proctor's message to the kiosks of these attempts (`attempt:message`). */
  message(attemptIds: readonly string[], message: AttemptMessage): void;
  /** Whether a candidate socket of the attempt is connected to this server now. */
  isOnline(attemptId: string): boolean;
}

export const STAFF_ROOM = 'staff';
export const attemptRoom = (attemptId: string): string => `attempt:${attemptId}`;

export function createSocketNotifier(
  io: Server<ClientToServerEvents, ServerToClientEvents>,
  db: ReadableDb,
): Notifier {
  return {
    attemptChanged(view) {
      io.to(attemptRoom(view.attemptId)).emit('attempt:changed', view);
      io.to(sessionStaffRooms(db, view.sessionId)).emit('monitor:attempt', view);
    },
    sessionChanged(view) {
      io.to(sessionStaffRooms(db, view.id)).emit('monitor:session', view);
    },
    kioskEvent(notice) {
      io.to(sessionStaffRooms(db, notice.sessionId)).emit('monitor:kiosk-event', notice);
    },
    incidentChanged(view) {
      io.to(sessionStaffRooms(db, view.sessionId)).emit('monitor:incident', view);
    },
    revokeAttempt(attemptId, reason) {
      io.to(attemptRoom(attemptId)).emit('attempt:revoked', { reason });
      io.in(attemptRoom(attemptId)).disconnectSockets(true);
    },
    message(attemptIds, message) {
      if (attemptIds.length === 0) return;
      io.to(attemptIds.map(attemptRoom)).emit('attempt:message', message);
    },
    isOnline(attemptId) {
      return (io.sockets.adapter.rooms.get(attemptRoom(attemptId))?.size ?? 0) > 0;
    },
  };
}

/** For code paths without sockets (CLI). */
export const silentNotifier: Notifier = {
  attemptChanged: () => undefined,
  sessionChanged: () => undefined,
  kioskEvent: () => undefined,
  incidentChanged: () => undefined,
  revokeAttempt: () => undefined,
  message: () => undefined,
  isOnline: () => false,
};
