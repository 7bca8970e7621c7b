import { describe, expect, it } from 'vitest';
import { t, translate, type LocaleTables } from './translate';

/* A UI's own table, looked up the way the proctor console looks up its strings. */
const PROCTOR: LocaleTables<'pauseAll' | 'timeLeft' | 'admitted'> = {
  'zh-CN': { pauseAll: '全场暂停', timeLeft: '剩余时间', admitted: '已准入 {count} 人' },
  en: { pauseAll: 'Pause all', timeLeft: 'Time left', admitted: '{count} admitted' },
};

describe('translate: one mechanism for every message table', () => {
  it('looks a key up in the locale and fills parameters', () => {
    expect(translate(PROCTOR, 'zh-CN', 'pauseAll')).toBe('全场暂停');
    expect(translate(PROCTOR, 'en', 'timeLeft')).toBe('Time left');
    expect(translate(PROCTOR, 'zh-CN', 'admitted', { count: 30 })).toBe('已准入 30 人');
    expect(translate(PROCTOR, 'en', 'admitted')).toBe('{count} admitted');
  });

  it('falls back to Simplified Chinese for a locale or a key a table lacks', () => {
    const partial = {
      'zh-CN': PROCTOR['zh-CN'],
      en: {},
    } as unknown as LocaleTables<'pauseAll' | 'timeLeft' | 'admitted'>;
    expect(translate(partial, 'en', 'pauseAll')).toBe('全场暂停');
    const noEnglish = { 'zh-CN': PROCTOR['zh-CN'] } as unknown as typeof PROCTOR;
    expect(translate(noEnglish, 'en', 'timeLeft')).toBe('剩余时间');
  });

  it('is what `t` uses for the shared table', () => {
    expect(t('zh-CN', 'common.ok')).toBe('确定');
    expect(t('en', 'common.ok')).not.toBe('确定');
  });
});
