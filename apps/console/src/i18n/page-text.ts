import { translate, type Locale, type LocaleTables, type MessageParams } from '@skillexam/shared';
import { useConsole } from '../console-context';

/*
 * The console's pages keep their strings in their own `*-messages.ts` tables, zh-CN first with
 * English (docs/decisions/0995); these two helpers turn a table into the function a page calls,
 * in a given language or in the console's current one.
 */

/** A page's strings in one language: a key and its {params} → the text. */
export type PageText<K extends string> = (key: K, params?: MessageParams) => string;

/** The strings of `tables` in `lang`. */
export function textIn<K extends string>(tables: LocaleTables<K>, lang: Locale): PageText<K> {
  return (key, params) => translate(tables, lang, key, params);
}

/** A hook giving the strings of `tables` in the console's current language. */
export function pageTextHook<K extends string>(tables: LocaleTables<K>): () => PageText<K> {
  return function usePageText() {
    return textIn(tables, useConsole().lang);
  };
}
