import {
  OPTION_IDS,
  type AuthoredDifficulty,
  type ItemType,
  type OptionId,
  type TheoryLevelCode,
} from '@skillexam/shared';
import { cleanCellText, normalizeCode } from './text-normalize';

/*
 * The accepted spellings of single cells: 题型, 答案 (letters or true/false), 难度, 等级.
 * Each parser returns the value or a Chinese reason naming what was expected.
 */

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(reason: string): CellResult<T> => ({ ok: false, reason });

const ITEM_TYPE_SPELLINGS: Record<string, ItemType> = {
  判断: 'true_false',
  判断题: 'true_false',
  是非题: 'true_false',
  对错题: 'true_false',
  TF: 'true_false',
  TRUE_FALSE: 'true_false',
  TRUEFALSE: 'true_false',
  单选: 'single_choice',
  单选题: 'single_choice',
  单项选择: 'single_choice',
  单项选择题: 'single_choice',
  选择题: 'single_choice',
  SC: 'single_choice',
  SINGLE: 'single_choice',
  SINGLE_CHOICE: 'single_choice',
  多选: 'multiple_choice',
  多选题: 'multiple_choice',
  多项选择: 'multiple_choice',
  多项选择题: 'multiple_choice',
  MC: 'multiple_choice',
  MULTIPLE: 'multiple_choice',
  MULTIPLE_CHOICE: 'multiple_choice',
  填空: 'fill_blank',
  填空题: 'fill_blank',
  FILL_BLANK: 'fill_blank',
  简答: 'short_answer',
  简答题: 'short_answer',
  问答题: 'short_answer',
  论述题: 'short_answer',
  计算题: 'short_answer',
  SHORT_ANSWER: 'short_answer',
};

/** 题型 in any accepted spelling (判断 / 判断题 / 单项选择题 / single_choice …). */
export function parseItemType(raw: string): CellResult<ItemType> {
  const code = normalizeCode(raw).replace(/^[一二三四五六七八九十]+[、.]/, '');
  const type = ITEM_TYPE_SPELLINGS[code];
  if (type !== undefined) return ok(type);
  return fail(`无法识别的题型“${cleanCellText(raw)}”，应为 判断、单选、多选、填空 或 简答`);
}

/** The names used when writing files. */
export const ITEM_TYPE_LABELS: Record<ItemType, string> = {
  true_false: '判断',
  single_choice: '单选',
  multiple_choice: '多选',
  fill_blank: '填空',
  short_answer: '简答',
};

const TRUE_SPELLINGS = new Set(['√', '✓', '✔', '对', '正确', '是', 'T', 'TRUE', 'Y', 'YES', '1']);
const FALSE_SPELLINGS = new Set([
  '×',
  '✗',
  '✘',
  'X',
  '错',
  '错误',
  '否',
  'F',
  'FALSE',
  'N',
  'NO',
  '0',
]);

/**
 * 判断题 key: √/×, 对/错, 正确/错误, T/F, Y/N, true/false. Never a bare option letter: which
 * of A/B means 正确 depends on the row's options (see row-to-item), not on the letter.
 */
export function parseTrueFalseKey(raw: string): CellResult<boolean> {
  const code = normalizeCode(raw).replace(/[。.]$/, '');
  if (TRUE_SPELLINGS.has(code)) return ok(true);
  if (FALSE_SPELLINGS.has(code)) return ok(false);
  return fail(`判断题答案“${cleanCellText(raw)}”无法识别，应为 √/×、对/错、正确/错误、T/F 或 Y/N`);
}

/** Choice key letters: `A`, `AB`, `A,B`, `A、B`, full-width `Ａ`, lower-case; in order, once each. */
export function parseKeyLetters(raw: string): CellResult<OptionId[]> {
  const code = normalizeCode(raw).replace(/[,;、，；/|()]/g, '');
  if (code === '') return fail('答案为空');
  const letters: OptionId[] = [];
  for (const char of code) {
    const letter = OPTION_IDS.find((id) => id === char);
    if (letter === undefined) {
      return fail(`答案“${cleanCellText(raw)}”中的“${char}”不是选项字母（A–F）`);
    }
    if (!letters.includes(letter)) letters.push(letter);
  }
  return ok(letters.sort());
}

const DIFFICULTY_WORDS: Record<string, AuthoredDifficulty> = {
  易: 1,
  容易: 1,
  较易: 2,
  中: 3,
  中等: 3,
  一般: 3,
  较难: 4,
  难: 5,
  困难: 5,
};

/** 难度 1–5 or 易/较易/中/较难/难. */
export function parseDifficulty(raw: string): CellResult<AuthoredDifficulty> {
  const code = normalizeCode(raw);
  const word = DIFFICULTY_WORDS[code];
  if (word !== undefined) return ok(word);
  const number = Number(code);
  if (Number.isInteger(number) && number >= 1 && number <= 5) return ok(number);
  return fail(`难度“${cleanCellText(raw)}”无效，应为 1–5 或 易/较易/中/较难/难`);
}

const LEVEL_WORDS: Record<string, TheoryLevelCode> = {
  五级: 5,
  初级: 5,
  初级工: 5,
  四级: 4,
  中级: 4,
  中级工: 4,
  三级: 3,
  高级: 3,
  高级工: 3,
  二级: 2,
  技师: 2,
  一级: 1,
  高级技师: 1,
};

/** 等级 1–5, 五级…一级, 初级/中级/高级/技师/高级技师 (also "五级/初级工"). */
export function parseLevel(raw: string): CellResult<TheoryLevelCode> {
  const code = normalizeCode(raw);
  for (const part of code.split('/')) {
    const word = LEVEL_WORDS[part];
    if (word !== undefined) return ok(word);
  }
  const number = Number(code);
  if (number === 1 || number === 2 || number === 3 || number === 4 || number === 5) {
    return ok(number);
  }
  return fail(`等级“${cleanCellText(raw)}”无效，应为 1–5（5 = 五级/初级工）或 五级…一级`);
}

/** A 鉴定点代码 such as "A-B-001", with full-width characters and spaces cleaned. */
export function normalizePointCode(raw: string): string {
  return normalizeCode(raw).replace(/[—–－]/g, '-');
}
