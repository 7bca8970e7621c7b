import type { OptionId } from '../domain/choice-option';
import type { Locale } from '../i18n/locale';
import { t } from '../i18n/translate';
import type { ItemStatisticsCore } from './item-analysis';

/*
 * Review flags for one item (docs/decisions/0307). Each has a machine code; `describeItemFlag` turns it
 * into a zh-CN or English sentence through the shared i18n messages `itemStats.flag.<code>`.
 *
 *   facility_low              p < 0.2       (too hard, or a wrong key)
 *   facility_high             p > 0.95      (too easy to tell candidates apart)
 *   discrimination_low        corrected point-biserial < 0.2
 *   distractor_favours_upper  a wrong option chosen by a larger share of the upper group than of
 *                             the lower group (ambiguous wording or a wrong key); one flag per
 *                             such option
 */

export const ITEM_FLAG_CODES = [
  'facility_low',
  'facility_high',
  'discrimination_low',
  'distractor_favours_upper',
] as const;
export type ItemFlagCode = (typeof ITEM_FLAG_CODES)[number];

export interface ItemFlag {
  readonly code: ItemFlagCode;
  /** The statistic that triggered the flag (facility, r_pbis, or the option's upper rate). */
  readonly value: number;
  /** distractor_favours_upper only. */
  readonly option?: OptionId;
}

export interface FlagThresholds {
  readonly facilityLow: number;
  readonly facilityHigh: number;
  readonly discriminationLow: number;
}

export const DEFAULT_FLAG_THRESHOLDS: FlagThresholds = {
  facilityLow: 0.2,
  facilityHigh: 0.95,
  discriminationLow: 0.2,
};

export function flagItem(
  stats: ItemStatisticsCore,
  thresholds: FlagThresholds = DEFAULT_FLAG_THRESHOLDS,
): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (stats.n === 0) return flags;
  if (stats.facility < thresholds.facilityLow) {
    flags.push({ code: 'facility_low', value: stats.facility });
  } else if (stats.facility > thresholds.facilityHigh) {
    flags.push({ code: 'facility_high', value: stats.facility });
  }
  if (
    stats.correctedPointBiserial !== undefined &&
    stats.correctedPointBiserial < thresholds.discriminationLow
  ) {
    flags.push({ code: 'discrimination_low', value: stats.correctedPointBiserial });
  }
  for (const option of stats.options ?? []) {
    if (!option.isKey && option.upperRate > option.lowerRate) {
      flags.push({
        code: 'distractor_favours_upper',
        value: option.upperRate,
        option: option.option,
      });
    }
  }
  return flags;
}

function formatValue(code: ItemFlagCode, value: number): string {
  return code === 'distractor_favours_upper' ? `${(value * 100).toFixed(1)}%` : value.toFixed(3);
}

/** A one-sentence explanation of a flag in the given locale. */
export function describeItemFlag(flag: ItemFlag, locale: Locale): string {
  return t(locale, `itemStats.flag.${flag.code}`, {
    value: formatValue(flag.code, flag.value),
    option: flag.option ?? '',
  });
}
