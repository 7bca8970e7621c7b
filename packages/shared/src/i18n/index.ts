export { en } from './en';
export { DEFAULT_LOCALE, isLocale, LOCALES, resolveLocale, type Locale } from './locale';
export {
  interpolate,
  MESSAGES,
  t,
  translate,
  type LocaleTables,
  type MessageParams,
} from './translate';
export { zhCN, type MessageKey } from './zh-CN';
