import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import { staffOfToken } from '../auth/login';
import { principalOf } from '../auth/principal';
import { bearerToken } from '../auth/tokens';
import type { CenterDb } from '../db/center-db';
import type { CenterRoute } from './center-route';

/*
 * Who calls, and may they: 401 without a live token, 403 for a role the route does not list,
 * 403 for everything but the session routes while the account still has its one-time password.
 */

/** The routes an account with a one-time password may still call. */
export const ONE_TIME_PASSWORD_PATHS = new Set([
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
]);

export interface Authenticated {
  readonly principal: CenterPrincipal;
  readonly token: string;
}

export async function authenticate(
  db: CenterDb,
  route: CenterRoute,
  authorization: string | undefined,
  now: Date,
): Promise<Authenticated | undefined> {
  if (route.roles === 'public') return undefined;
  const token = bearerToken(authorization);
  const staff = token === undefined ? undefined : await staffOfToken(db, token, now);
  if (token === undefined || staff === undefined) {
    throw new CodedError('UNAUTHORIZED', '请先登录 (sign in first)');
  }
  if (!route.roles.includes(staff.role)) {
    throw new CodedError('FORBIDDEN', '无权执行此操作 (your role may not do this)');
  }
  if (staff.must_change_password && !ONE_TIME_PASSWORD_PATHS.has(`${route.method} ${route.path}`)) {
    throw new CodedError('FORBIDDEN', '请先修改初始密码 (change your one-time password first)');
  }
  return { principal: principalOf(staff), token };
}
