import { describe, expect, it } from 'vitest';
import { ITEM_TYPES } from '../domain/item-type';
import { LEVELS } from '../domain/level';
import { en } from './en';
import { DEFAULT_LOCALE, isLocale, resolveLocale } from './locale';
import { interpolate, t } from './translate';
import { zhCN, type MessageKey } from './zh-CN';

describe('messages', () => {
  it('keeps the product title the browser test looks for', () => {
    expect(t('zh-CN', 'app.title')).toBe('职业技能等级认定理论考试系统');
    expect(t('en', 'app.title')).toBe('Vocational Skill Certification Theory Exam');
  });

  it('has the same keys in every locale and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const message of [...Object.values(zhCN), ...Object.values(en)])
      expect(message.trim()).not.toBe('');
  });

  it('names every item type and level', () => {
    expect(ITEM_TYPES.map((type) => t('zh-CN', `itemType.${type}`))).toEqual([
      '判断题',
      '单选题',
      '多选题',
      '填空题',
      '简答题',
    ]);
    for (const level of LEVELS) {
      expect(t('zh-CN', `level.${level.code}` as MessageKey)).toBe(level.zhName);
      expect(t('en', `level.${level.code}` as MessageKey)).toBe(level.enName);
    }
    expect(t('zh-CN', 'importance.X')).toBe('核心');
  });

  it('defaults to Simplified Chinese', () => {
    expect(DEFAULT_LOCALE).toBe('zh-CN');
    expect(isLocale('en')).toBe(true);
    expect(isLocale('fr')).toBe(false);
  });
});

describe('interpolation', () => {
  it('fills {name} parameters and leaves unknown ones alone', () => {
    expect(t('zh-CN', 'exam.timeRemaining', { time: '01:29:59' })).toBe('剩余时间 01:29:59');
    expect(interpolate('{a}+{b}={c}', { a: 1, b: 2 })).toBe('1+2={c}');
    expect(interpolate('{toString}', {})).toBe('{toString}');
  });
});

describe('resolveLocale', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US', 'en'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,fr;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh-CN;q=0.5,en;q=0.9', 'en'],
    ['fr;q=1,zh-Hans-CN;q=0.7,en;q=0.3', 'zh-CN'],
    ['en;q=0,zh;q=0.1', 'zh-CN'],
    ['*', 'zh-CN'],
  ] as const)('%j → %s', (input, expected) => {
    expect(resolveLocale(input)).toBe(expected);
  });

  it('takes navigator.languages in order', () => {
    expect(resolveLocale(['de-DE', 'en-GB', 'zh-CN'])).toBe('en');
  });
});
