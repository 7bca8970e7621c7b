import { StaffLoginResultSchema, type StaffLoginResult } from '@skillexam/shared';

/* The staff login survives a page reload (sessionStorage: gone when the tab closes). */

const KEY = 'skillexam.console.login';

export function loadLogin(now: number): StaffLoginResult | undefined {
  try {
    const parsed = StaffLoginResultSchema.safeParse(
      JSON.parse(sessionStorage.getItem(KEY) ?? 'null'),
    );
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveLogin(login: StaffLoginResult | undefined): void {
  if (login === undefined) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(login));
}
