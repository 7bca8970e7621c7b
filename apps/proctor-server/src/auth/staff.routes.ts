import { z } from 'zod';
import { StaffLoginRequestSchema } from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { disableStaff, enableStaff, setStaffPassword, unlockStaff } from './staff-admin';

/*
 * Staff account administration (admin only; docs/decisions/0219):
 *   POST /api/staff/disable   { username }  account off, its logins end within a second
 *   POST /api/staff/enable    { username }
 *   POST /api/staff/password  { username, password }  new password, its logins end
 *   POST /api/staff/unlock    { username }  clears the login wait (0215)
 */

const UsernameSchema = z.object({ username: StaffLoginRequestSchema.shape.username });

export function addStaffRoutes(router: Router, components: Components): Router {
  const { store, now, hasher } = components;
  const deps: StaffRouteDeps = { db: store.db, now };
  const actor = (username: string) => `staff:${username}`;
  return router
    .post(
      '/api/staff/disable',
      staffRoute(deps, async (req, staff) => {
        const { username } = await readJsonInput(req, UsernameSchema);
        return disableStaff(store.db, store.audit, username, actor(staff.username), now());
      }),
    )
    .post(
      '/api/staff/enable',
      staffRoute(deps, async (req, staff) => {
        const { username } = await readJsonInput(req, UsernameSchema);
        return enableStaff(store.db, store.audit, username, actor(staff.username), now());
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
