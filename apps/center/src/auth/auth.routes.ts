import type { z } from 'zod';
import { CodedError } from '@skillexam/shared';
import type { CenterContext, CenterRequest, CenterRoute } from '../http/center-route';
import { tokenOf } from '../http/request-token';
import { CENTER_ROLES, type CenterPrincipal } from './center-roles';
import { login, logout } from './login';
import { findOrganisation } from './organisation-repository';
import { staffView } from './principal';
import { changeOwnPassword } from './staff-admin';
import { ChangePasswordBodySchema, LoginBodySchema } from './staff-schemas';
import { findStaffById } from './staff-repository';

/* Signing in and out, who am I, and changing one's own password (docs/center.md, accounts). */

function signedIn(request: CenterRequest): CenterPrincipal {
  if (request.principal === undefined)
    throw new CodedError('UNAUTHORIZED', '请先登录 (sign in first)');
  return request.principal;
}

async function me(ctx: CenterContext, principal: CenterPrincipal) {
  const staff = await findStaffById(ctx.db, principal.staffId);
  if (staff === undefined) throw new CodedError('UNAUTHORIZED', '请先登录 (sign in first)');
  const organisation =
    staff.organisation_id === null
      ? undefined
      : await findOrganisation(ctx.db, staff.organisation_id);
  return { ...staffView(staff), organisationName: organisation?.name ?? null };
}

export const authRoutes: readonly CenterRoute[] = [
  {
    method: 'POST',
    path: '/api/auth/login',
    roles: 'public',
    body: LoginBodySchema,
    async handle(ctx, request) {
      const body = request.body as z.infer<typeof LoginBodySchema>;
      const result = await login(ctx, { ...body, remoteAddress: request.remoteAddress });
      return { kind: 'json', data: result };
    },
  },
  {
    method: 'POST',
    path: '/api/auth/logout',
    roles: CENTER_ROLES,
    async handle(ctx, request) {
      const principal = signedIn(request);
      await logout(ctx, tokenOf(request), { id: principal.staffId, username: principal.username });
      return { kind: 'json', data: { signedOut: true } };
    },
  },
  {
    method: 'GET',
    path: '/api/auth/me',
    roles: CENTER_ROLES,
    async handle(ctx, request) {
      return { kind: 'json', data: await me(ctx, signedIn(request)) };
    },
  },
  {
    method: 'POST',
    path: '/api/auth/password',
    roles: CENTER_ROLES,
    body: ChangePasswordBodySchema,
    async handle(ctx, request) {
      const principal = signedIn(request);
      const body = request.body as z.infer<typeof ChangePasswordBodySchema>;
      await changeOwnPassword(
        ctx,
        principal.staffId,
        tokenOf(request),
        body,
        request.remoteAddress,
      );
      return { kind: 'json', data: { changed: true } };
    },
  },
];

export { signedIn };
