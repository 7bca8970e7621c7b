import type { ClientEventName } from '@skillexam/shared';
import type { PrincipalRole } from './principal';

const CANDIDATE = ['candidate'] as const;
const STAFF_READ = ['admin', 'proctor', 'supervisor'] as const;
/** Room actions: proctors, and exam admins who may stand in. Supervisors only watch. */
const ROOM_ACTION = ['admin', 'proctor'] as const;

/**
 * Who may call each socket event. Checked on the server before the payload is even parsed;
 * the type makes a new event without an entry a compile error.
 */
export const ACTION_ROLES: Readonly<Record<ClientEventName, readonly PrincipalRole[]>> = {
  'system:ping': ['anonymous', 'candidate', 'admin', 'proctor', 'supervisor'],
  'answer:save': CANDIDATE,
  'attempt:resync': CANDIDATE,
  'attempt:state': CANDIDATE,
  'attempt:confirm-identity': CANDIDATE,
  'attempt:identity': CANDIDATE,
  'attempt:sealed-paper': CANDIDATE,
  'attempt:content-key': CANDIDATE,
  'attempt:heartbeat': CANDIDATE,
  'attempt:submit': CANDIDATE,
  'kiosk:event': CANDIDATE,
  'auth:logout': ['candidate', 'admin', 'proctor', 'supervisor'],
  'monitor:snapshot': STAFF_READ,
  'session:open-check-in': ROOM_ACTION,
  'session:start': ROOM_ACTION,
  'session:pause': ROOM_ACTION,
  'session:resume': ROOM_ACTION,
  'session:end': ROOM_ACTION,
  'proctor:admit': ROOM_ACTION,
  'proctor:pause': ROOM_ACTION,
  'proctor:resume': ROOM_ACTION,
  'proctor:extend': ROOM_ACTION,
  // 补时上限 beyond the session rule: exam admin only, with a reason (docs/decisions/0223).
  'proctor:extension-cap': ['admin'],
  'proctor:force-submit': ROOM_ACTION,
  'proctor:void': ROOM_ACTION,
  'proctor:move': ROOM_ACTION,
  'proctor:unlock': ROOM_ACTION,
  'proctor:message': ROOM_ACTION,
  // 座位图 is set-up work of the exam admin.
  'room:set-layout': ['admin'],
  // 考评人员 mark short answers; exam admins may stand in. Supervisors only watch.
  'marking:queue': ROOM_ACTION,
  'marking:submit': ROOM_ACTION,
  // proctor console: supervisors read everything, change nothing
  'console:sessions': STAFF_READ,
  'console:timeline': STAFF_READ,
  'session:assign-proctors': ['admin'],
  'incident:list': STAFF_READ,
  'incident:create': ROOM_ACTION,
  'incident:confirm': ROOM_ACTION,
  'results:summary': STAFF_READ,
  'audit:status': STAFF_READ,
};

export function mayCall(role: PrincipalRole, event: ClientEventName): boolean {
  return ACTION_ROLES[event].includes(role);
}
