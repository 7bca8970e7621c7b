import { en } from './en';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { zhCN, type MessageKey } from './zh-CN';

export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': zhCN,
  en,
};

export type MessageParams = Readonly<Record<string, string | number>>;

/** Replaces each `{name}` with `params.name`; placeholders without a value stay as written. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined ? placeholder : String(value);
  });
}

/** The message for `key` in `locale` (falling back to zh-CN), with `{name}` parameters filled in. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const messages = MESSAGES[locale] ?? MESSAGES[DEFAULT_LOCALE];
  return interpolate(messages[key] ?? MESSAGES[DEFAULT_LOCALE][key], params);
}
