import type { Locale, StaffLoginResult, StaffRole } from '@skillexam/shared';
import { createContext, useContext } from 'react';
import type { ConsoleConnection } from './api/console-client';
import { message, type MessageKey } from './i18n/messages';

/** What every page needs: the connection, who is logged in, the language. */
export interface ConsoleContextValue {
  readonly connection: ConsoleConnection;
  readonly login: StaffLoginResult;
  readonly lang: Locale;
  readonly t: (key: MessageKey) => string;
}

export const ConsoleContext = createContext<ConsoleContextValue | undefined>(undefined);

export function useConsole(): ConsoleContextValue {
  const value = useContext(ConsoleContext);
  if (value === undefined) throw new Error('useConsole outside ConsoleContext');
  return value;
}

/** Room actions: proctors and admins. Supervisors watch only. */
export function canAct(role: StaffRole): boolean {
  return role === 'proctor' || role === 'admin';
}

export function translator(lang: Locale): (key: MessageKey) => string {
  return (key) => message(lang, key);
}
