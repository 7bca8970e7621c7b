import type { CenterRequest } from './center-route';

/*
 * The bearer token a request was authenticated with, for the few routes that act on the session
 * itself (logout, password change). Kept beside the request instead of on it, so no other
 * handler sees a credential it has no use for.
 */

const tokens = new WeakMap<CenterRequest, string>();

export function attachToken(request: CenterRequest, token: string): void {
  tokens.set(request, token);
}

export function tokenOf(request: CenterRequest): string {
  const token = tokens.get(request);
  if (token === undefined) throw new Error('this request carries no session token');
  return token;
}
