import type { StaffRole } from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import { assignedProctors } from '../sessions/session-proctor-repository';

/*
 * Socket rooms for pushes about one session (docs/decisions/0221): every staff socket joins
 * the room of its role and of its user; a push about a session goes to admins, supervisors and
 * the session's assigned proctors only (no proctor when nobody is assigned). Computed at each
 * push, so a new assignment takes effect at once.
 */

export const staffRoleRoom = (role: StaffRole): string => `staff-role:${role}`;
export const staffUserRoom = (username: string): string => `staff-user:${username}`;

/** The rooms of a staff socket. */
export function staffRooms(staff: { readonly role: StaffRole; readonly username: string }) {
  return [staffRoleRoom(staff.role), staffUserRoom(staff.username)];
}

/** The rooms of the staff who may see this session. */
export function sessionStaffRooms(db: ReadableDb, sessionId: string): string[] {
  return [
    staffRoleRoom('admin'),
    staffRoleRoom('supervisor'),
    ...assignedProctors(db, sessionId).map(staffUserRoom),
  ];
}
