import { z } from 'zod';
import {
  AddStaffRequestSchema,
  StaffLoginRequestSchema,
  StaffReasonRequestSchema,
} from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { disableStaff, enableStaff, setStaffPassword, unlockStaff } from './staff-admin';
import {
  addStaffWithOneTimePassword,
  listStaffAccounts,
  resetStaffPassword,
} from './staff-one-time';

/*
 * Staff account administration (admin only; docs/decisions/0219):
 *   GET  /api/staff           every account: role, disabled, locked (never a hash)
 *   POST /api/staff           { username, role }  as `user add`; a one-time password, shown once
 *   POST /api/staff/disable   { username, reason }  account off, its logins end within a second
 *   POST /api/staff/enable    { username, reason }
 *   POST /api/staff/reset-password { username, reason }  a new one-time password, its logins end
 * Every reason is required and written in the audit record (docs/decisions/0986).
 *   POST /api/staff/password  { username, password }  new password, its logins end
 *   POST /api/staff/unlock    { username }  clears the login wait (0215)
 */

const UsernameSchema = z.object({ username: StaffLoginRequestSchema.shape.username });

export function addStaffRoutes(router: Router, components: Components): Router {
  const { store, now, hasher } = components;
  const deps: StaffRouteDeps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  const writer = { db: store.db, audit: store.audit, hasher };
  return router
    .get(
      '/api/staff',
      staffRoute(deps, () => listStaffAccounts(store.db, now())),
    )
    .post(
      '/api/staff',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, AddStaffRequestSchema);
        return addStaffWithOneTimePassword(writer, input, actor(staff.username), now());
      }),
    )
    .post(
      '/api/staff/reset-password',
      staffRoute(deps, async (req, staff) => {
        const { username, reason } = await readJsonInput(req, StaffReasonRequestSchema);
        return resetStaffPassword(writer, username, actor(staff.username), now(), reason);
      }),
    )
    .post(
      '/api/staff/disable',
      staffRoute(deps, async (req, staff) => {
        const { username, reason } = await readJsonInput(req, StaffReasonRequestSchema);
        return disableStaff(store.db, store.audit, username, actor(staff.username), now(), reason);
      }),
    )
    .post(
      '/api/staff/enable',
      staffRoute(deps, async (req, staff) => {
        const { username, reason } = await readJsonInput(req, StaffReasonRequestSchema);
        return enableStaff(store.db, store.audit, username, actor(staff.username), now(), reason);
      }),
    )
    .post(
      '/api/staff/password',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, StaffLoginRequestSchema);
        return setStaffPassword(store.db, store.audit, hasher, input, actor(staff.username), now());
      }),
    )
    .post(
      '/api/staff/unlock',
      staffRoute(deps, async (req, staff) => {
        const { username } = await readJsonInput(req, UsernameSchema);
        return unlockStaff(store.db, store.audit, username, actor(staff.username), now());
      }),
    );
}
