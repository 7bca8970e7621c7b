import { en } from './en';
import { DEFAULT_LOCALE, type Locale } from './locale';
import { zhCN, type MessageKey } from './zh-CN';

/**
 * The one i18n mechanism: each UI has a table of messages per locale (zh-CN the reference, every
 * other locale with exactly its keys), looked up by `translate`. The shared table (`MESSAGES`,
 * read by `t`) serves the desktop app; the proctor console keeps its own table the same way.
 */
export type LocaleTables<K extends string> = Readonly<Record<Locale, Readonly<Record<K, string>>>>;

export const MESSAGES: LocaleTables<MessageKey> = {
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
export function translate<K extends string>(
  tables: LocaleTables<K>,
  locale: Locale,
  key: K,
  params?: MessageParams,
): string {
  const messages = tables[locale] ?? tables[DEFAULT_LOCALE];
  return interpolate(messages[key] ?? tables[DEFAULT_LOCALE][key], params);
}

/** A message of the shared table. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(MESSAGES, locale, key, params);
}
