import { describe, expect, it } from 'vitest';
import type { ItemStatisticsCore } from './item-analysis';
import { describeItemFlag, flagItem } from './item-flags';

const base: ItemStatisticsCore = {
  itemId: 'Q',
  maxPoints: 1,
  n: 100,
  omitRate: 0,
  meanScore: 0.6,
  facility: 0.6,
  isDichotomous: true,
  correctedPointBiserial: 0.35,
};

describe('flagItem', () => {
  it('flags nothing on a healthy item, at the exact thresholds too', () => {
    expect(flagItem(base)).toEqual([]);
    expect(flagItem({ ...base, facility: 0.2, correctedPointBiserial: 0.2 })).toEqual([]);
    expect(flagItem({ ...base, facility: 0.95 })).toEqual([]);
  });

  it('flags facility below 0.2 or above 0.95 and r below 0.2', () => {
    expect(flagItem({ ...base, facility: 0.19 })).toEqual([{ code: 'facility_low', value: 0.19 }]);
    expect(flagItem({ ...base, facility: 0.951 })).toEqual([
      { code: 'facility_high', value: 0.951 },
    ]);
    expect(flagItem({ ...base, correctedPointBiserial: -0.1 })).toEqual([
      { code: 'discrimination_low', value: -0.1 },
    ]);
  });

  it('flags each distractor the upper group picks more, never the key', () => {
    const flags = flagItem({
      ...base,
      options: [
        { option: 'A', isKey: true, rate: 0.6, upperRate: 0.9, lowerRate: 0.3 },
        { option: 'B', isKey: false, rate: 0.2, upperRate: 0.1, lowerRate: 0.1 },
        { option: 'C', isKey: false, rate: 0.2, upperRate: 0.15, lowerRate: 0.05 },
      ],
    });
    expect(flags).toEqual([{ code: 'distractor_favours_upper', value: 0.15, option: 'C' }]);
  });

  it('accepts custom thresholds', () => {
    expect(
      flagItem(base, { facilityLow: 0.7, facilityHigh: 0.99, discriminationLow: 0.4 }).map(
        (flag) => flag.code,
      ),
    ).toEqual(['facility_low', 'discrimination_low']);
  });
});

describe('describeItemFlag', () => {
  it('explains a flag in Chinese and English', () => {
    const flag = { code: 'distractor_favours_upper', value: 0.15, option: 'C' } as const;
    expect(describeItemFlag(flag, 'zh-CN')).toBe(
      '干扰项 C 被高分组选择的比例（15.0%）高于低分组，请检查选项表述或答案',
    );
    expect(describeItemFlag(flag, 'en')).toMatch(/^Distractor C is chosen .*\(15\.0%\)/);
    expect(describeItemFlag({ code: 'facility_low', value: 0.123456 }, 'zh-CN')).toContain('0.123');
  });
});
