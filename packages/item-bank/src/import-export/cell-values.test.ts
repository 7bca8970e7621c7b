import { describe, expect, it } from 'vitest';
import {
  normalizePointCode,
  parseDifficulty,
  parseItemType,
  parseKeyLetters,
  parseLevel,
  parseTrueFalseKey,
} from './cell-values';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }) =>
  result.ok ? result.value : `ERROR: ${result.reason}`;

describe('cell values', () => {
  it.each([
    ['判断', 'true_false'],
    ['判断题', 'true_false'],
    ['一、判断题', 'true_false'],
    ['单项选择题', 'single_choice'],
    [' 单选 ', 'single_choice'],
    ['多项选择题', 'multiple_choice'],
    ['multiple_choice', 'multiple_choice'],
    ['填空题', 'fill_blank'],
    ['简答题', 'short_answer'],
  ])('题型 %s → %s', (raw, type) => {
    expect(value(parseItemType(raw))).toBe(type);
  });

  it('names the accepted types when 题型 is unknown', () => {
    expect(value(parseItemType('连线题'))).toMatch(/连线题.*判断、单选、多选、填空 或 简答/);
  });

  it.each([
    ['A', ['A']],
    ['ab', ['A', 'B']],
    ['A,B', ['A', 'B']],
    ['A、C', ['A', 'C']],
    ['Ｂ，Ｄ', ['B', 'D']],
    ['D B', ['B', 'D']],
    ['AA', ['A']],
  ])('key letters %s', (raw, letters) => {
    expect(value(parseKeyLetters(raw))).toEqual(letters);
  });

  it('rejects letters outside A–F', () => {
    expect(value(parseKeyLetters('AG'))).toMatch(/“G”不是选项字母/);
    expect(value(parseKeyLetters(''))).toMatch(/答案为空/);
  });

  it.each([
    ['√', true],
    ['×', false],
    ['对', true],
    ['错', false],
    ['正确', true],
    ['错误', false],
    ['T', true],
    ['f', false],
    ['Y', true],
    ['N', false],
    ['ｔｒｕｅ', true],
  ])('true/false key %s', (raw, expected) => {
    expect(value(parseTrueFalseKey(raw))).toBe(expected);
  });

  it('never reads a bare option letter as a 判断 key (A is not always 正确)', () => {
    expect(value(parseTrueFalseKey('A'))).toMatch(/无法识别/);
    expect(value(parseTrueFalseKey('B'))).toMatch(/无法识别/);
    expect(value(parseKeyLetters('(B)'))).toEqual(['B']);
  });

  it('difficulty, level and point codes', () => {
    expect(
      ['易', '较易', '中', '较难', '难', '3', '５'].map((raw) => value(parseDifficulty(raw))),
    ).toEqual([1, 2, 3, 4, 5, 3, 5]);
    expect(value(parseDifficulty('6'))).toMatch(/难度/);
    expect(
      ['五级', '初级工', '五级/初级工', '技师', '高级技师', '1'].map((raw) =>
        value(parseLevel(raw)),
      ),
    ).toEqual([5, 5, 5, 2, 1, 1]);
    expect(value(parseLevel('0'))).toMatch(/等级/);
    expect(normalizePointCode(' ａ－ｂ－００１ ')).toBe('A-B-001');
  });
});
