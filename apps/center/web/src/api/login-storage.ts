import type { CenterLogin } from './center-api';

/* The staff login survives a page reload (sessionStorage: gone when the tab closes). */

const KEY = 'skillexam.center.login';

export function loadLogin(now: number): CenterLogin | undefined {
  try {
    const login = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as CenterLogin | null;
    if (login === null || typeof login.token !== 'string') return undefined;
    return Date.parse(login.expiresAt) > now ? login : undefined;
  } catch {
    return undefined;
  }
}

export function saveLogin(login: CenterLogin | undefined): void {
  if (login === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(login));
}
