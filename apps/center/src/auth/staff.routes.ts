import type { z } from 'zod';
import type { CenterRoute } from '../http/center-route';
import { signedIn } from './auth.routes';
import { addStaff, listStaff, resetPassword, setDisabled } from './staff-admin';
import { NewStaffSchema } from './staff-schemas';

/* Staff accounts, managed by centre admins; supervisors may read the list. */

export const staffRoutes: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/staff',
    roles: ['centre_admin', 'supervisor'],
    async handle(ctx) {
      return { kind: 'json', data: { staff: await listStaff(ctx.db) } };
    },
  },
  {
    method: 'POST',
    path: '/api/staff',
    roles: ['centre_admin'],
    body: NewStaffSchema,
    async handle(ctx, request) {
      const actor = signedIn(request);
      const result = await addStaff(ctx, actor, request.body as z.infer<typeof NewStaffSchema>);
      return { kind: 'json', status: 201, data: result };
    },
  },
  {
    method: 'POST',
    path: '/api/staff/:id/disable',
    roles: ['centre_admin'],
    async handle(ctx, request) {
      const actor = signedIn(request);
      const staff = await setDisabled(ctx, actor, request.params['id'] ?? '', true);
      return { kind: 'json', data: { staff } };
    },
  },
  {
    method: 'POST',
    path: '/api/staff/:id/enable',
    roles: ['centre_admin'],
    async handle(ctx, request) {
      const actor = signedIn(request);
      const staff = await setDisabled(ctx, actor, request.params['id'] ?? '', false);
      return { kind: 'json', data: { staff } };
    },
  },
  {
    method: 'POST',
    path: '/api/staff/:id/reset-password',
    roles: ['centre_admin'],
    async handle(ctx, request) {
      const actor = signedIn(request);
      return { kind: 'json', data: await resetPassword(ctx, actor, request.params['id'] ?? '') };
    },
  },
];
