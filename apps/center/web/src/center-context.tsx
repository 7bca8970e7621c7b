import type { Locale, MessageParams } from '@skillexam/shared';
import { createContext, useContext } from 'react';
import type { CenterApi, CenterLogin } from './api/center-api';
import { message, type MessageKey } from './i18n/messages';

/** What every page needs: the API with the login's token, who is logged in, the language. */
export interface CenterContextValue {
  readonly api: CenterApi;
  readonly login: CenterLogin;
  readonly lang: Locale;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
}

export const CenterContext = createContext<CenterContextValue | undefined>(undefined);

export function useCenter(): CenterContextValue {
  const value = useContext(CenterContext);
  if (value === undefined) throw new Error('useCenter outside CenterContext');
  return value;
}

export function translator(lang: Locale): (key: MessageKey, params?: MessageParams) => string {
  return (key, params) => message(lang, key, params);
}
