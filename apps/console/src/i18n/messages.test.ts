import { LOCALES } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { message, MESSAGES, type MessageKey } from './messages';

describe('console messages', () => {
  it('has every key in every shared locale, none empty', () => {
    const keys = Object.keys(MESSAGES['zh-CN']).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
      expect(Object.values(MESSAGES[locale]).every((text) => text.trim() !== '')).toBe(true);
    }
  });

  it('reads the strings the console pages and e2e tests show', () => {
    const keys: MessageKey[] = ['appTitle', 'login', 'pauseAll', 'incidents'];
    expect(keys.map((key) => message('zh-CN', key))).toEqual([
      '监考控制台',
      '登录',
      '全场暂停',
      '考场情况记录',
    ]);
    for (const key of keys) expect(message('en', key)).toBe(MESSAGES.en[key]);
  });
});
