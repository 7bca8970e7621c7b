export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'en' || lower.startsWith('en-')) return 'en';
  return undefined;
}

interface WeightedTag {
  readonly tag: string;
  readonly quality: number;
}

function parseAcceptLanguage(header: string): WeightedTag[] {
  return header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.split(';');
      const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const quality = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((entry) => entry.tag !== '' && entry.quality > 0);
}

/**
 * Picks a supported locale from an `Accept-Language` header (`en-US,en;q=0.9,zh-CN;q=0.8`),
 * a `navigator.language` (`zh-TW`) or `navigator.languages`. Any Chinese tag gives zh-CN
 * (the exams are in Simplified Chinese); nothing usable gives the default, zh-CN.
 */
export function resolveLocale(input?: string | readonly string[]): Locale {
  if (input === undefined) return DEFAULT_LOCALE;
  const tags =
    typeof input === 'string'
      ? parseAcceptLanguage(input)
      : input.map((tag) => ({ tag, quality: 1 }));
  const ordered = [...tags].sort((a, b) => b.quality - a.quality);
  for (const { tag } of ordered) {
    const locale = localeOfTag(tag);
    if (locale !== undefined) return locale;
  }
  return DEFAULT_LOCALE;
}
