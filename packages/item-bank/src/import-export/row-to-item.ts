import {
  ITEM_TYPE_LABELS,
  normalizePointCode,
  parseDifficulty,
  parseItemType,
  parseKeyLetters,
  parseLevel,
} from './cell-values';
import {
  TABLE_FIELD_HEADERS,
  columnLetter,
  type ColumnLayout,
  type TableField,
} from './column-mapping';
import type { FileIssue, ParsedItem, ParsedItemContent } from './item-file-types';
import { isTrueFalseOptionPair } from './option-cell';
import { blankAnswersOfParts, type AcceptedAnswer } from './accepted-answer-cell';
import { blankNodes, itemBodyFromCellText } from './rich-text';
import { readRowOptions, trueFalseKeyThroughOptions } from './row-options';
import { stripStemNumber } from './stem-numbering';
import { cleanCellText, normalizeCode, splitList } from './text-normalize';
import { validateParsedContent } from './validate-parsed-item';

/*
 * One spreadsheet row (xlsx or CSV, already decoded to cells) → a ParsedItem or the issues
 * that reject it. Shared by both table formats so they accept exactly the same spellings.
 */

/**
 * A cell as read: its text, the reason it could not be read (e.g. `#REF!`), or the length of
 * a cell the reader did not keep because it is longer than MAX_CELL_CHARS.
 */
export type RawCell = string | { corrupted: string } | { tooLong: number };

/** No cell of a real bank comes near this; a longer one rejects its row before it is split. */
export const MAX_CELL_CHARS = 20_000;

function tooLongReason(length: number): string {
  return `单元格有 ${length} 个字符，超过上限 ${MAX_CELL_CHARS} 个字符，不像一道题的内容（是否把整列或整个文件粘贴进了一个单元格？）；此行未导入`;
}

export interface TableRow {
  /** 1-based row (xlsx row number, CSV record number counting the header). */
  row: number;
  cells: readonly RawCell[];
}

export type RowResult =
  | { kind: 'blank' }
  | { kind: 'item'; item: ParsedItem; warnings: FileIssue[] }
  | { kind: 'rejected'; issues: FileIssue[] };

/** The bank's limits (shared ItemSchema), checked here so the row, not the bank, is blamed. */
const MAX_TAG = 50;
const MAX_SOURCE = 200;
const MAX_ENEMY_GROUP = 64;
const MAX_POINT_CODE = 100;

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => typeof cell === 'string' && cleanCellText(cell) === '');
}

export function rowToItem(row: TableRow, layout: ColumnLayout, fileName: string): RowResult {
  if (isBlankRow(row)) return { kind: 'blank' };
  const issues: FileIssue[] = [];
  const warnings: FileIssue[] = [];
  const where = { file: fileName, row: row.row };
  const label = (field: TableField) => {
    const index = layout[field];
    const header = TABLE_FIELD_HEADERS[field];
    return index === undefined ? header : `${header}（${columnLetter(index)}列）`;
  };
  const reported = new Set<TableField>();
  const error = (field: TableField, reason: string) => {
    reported.add(field);
    issues.push({ ...where, field: label(field), reason, severity: 'error' });
  };

  const cell = (field: TableField): string => {
    const index = layout[field];
    if (index === undefined) return '';
    const raw = row.cells[index];
    if (raw === undefined) return '';
    if (typeof raw !== 'string') {
      error(field, 'tooLong' in raw ? tooLongReason(raw.tooLong) : `单元格损坏：${raw.corrupted}`);
      return '';
    }
    if (raw.length > MAX_CELL_CHARS) {
      error(field, tooLongReason(raw.length));
      return '';
    }
    if (raw.includes('\ufffd')) {
      error(field, '单元格含有乱码字符“\ufffd”（文件曾被错误转码），请修正后再导入');
      return '';
    }
    return cleanCellText(raw);
  };

  const stemText = stripStemNumber(cell('stem'));
  const { options, splitError } = readRowOptions(cell, layout.options !== undefined, error);
  const keyText = cell('key');
  const typeText = cell('type');

  if (stemText === '' && !reported.has('stem')) error('stem', '题干为空');
  if (keyText === '' && !reported.has('key')) error('key', '答案为空');

  let type = typeText === '' ? undefined : parseItemType(typeText);
  if (type !== undefined && !type.ok) {
    error('type', type.reason);
    type = undefined;
  }
  const trueFalsePair = isTrueFalseOptionPair(options) && type === undefined;
  const itemType = trueFalsePair
    ? ('true_false' as const)
    : (type?.value ?? inferType(keyText, options.length, splitError !== undefined, stemText));
  const needsOptions =
    itemType === 'single_choice' ||
    itemType === 'multiple_choice' ||
    (itemType === 'true_false' && /^[A-F]$/.test(normalizeCode(keyText)));
  if (splitError !== undefined && needsOptions) error('options', splitError);
  if (type === undefined && typeText === '' && stemText !== '' && layout.type !== undefined) {
    // Never silent: an empty 题型 cell names the type it was given. A file without a 题型 column
    // gets one summary instead (defaults-summary.ts).
    warnings.push({
      ...where,
      field: label('type'),
      reason: `题型为空，按内容推断为“${ITEM_TYPE_LABELS[itemType]}”`,
      severity: 'warning',
    });
  }

  const base = {
    stem: itemBodyFromCellText(stemText, { blanks: itemType === 'fill_blank' }),
    ...optional('explanation', cell('explanation'), (text) => itemBodyFromCellText(text)),
  };
  const level = optionalParsed(cell('level'), parseLevel, (reason) => error('level', reason));
  const difficulty = optionalParsed(cell('difficulty'), parseDifficulty, (reason) =>
    error('difficulty', reason),
  );
  const extra = {
    ...(level !== undefined ? { level } : {}),
    ...(difficulty !== undefined ? { difficulty } : {}),
  };
  const optionBodies = options.map((option) => ({
    id: option.id,
    content: itemBodyFromCellText(option.text),
  }));
  const optionIds = options.map((option) => option.id);

  let content: ParsedItemContent | undefined;
  if (keyText !== '' && stemText !== '') {
    switch (itemType) {
      case 'true_false': {
        if (reported.has('options')) break;
        const key = trueFalseKeyThroughOptions(keyText, options);
        if (!key.ok) error('key', key.reason);
        else content = { type: 'true_false', ...base, ...extra, key: key.value };
        break;
      }
      case 'single_choice':
      case 'multiple_choice': {
        const letters = parseKeyLetters(keyText);
        if (!letters.ok) {
          error('key', letters.reason);
          break;
        }
        if (reported.has('options')) break;
        const missing = letters.value.filter((letter) => !optionIds.includes(letter));
        if (missing.length > 0) {
          error(
            'key',
            `答案中的选项 ${missing.join('、')} 不存在（本行选项：${optionIds.join('、') || '无'}）`,
          );
          break;
        }
        const [first] = letters.value;
        if (itemType === 'single_choice') {
          if (letters.value.length !== 1 || first === undefined) {
            error('key', `单选题只能有一个答案，实际为“${keyText}”`);
            break;
          }
          content = { type: 'single_choice', ...base, ...extra, options: optionBodies, key: first };
        } else {
          content = {
            type: 'multiple_choice',
            ...base,
            ...extra,
            options: optionBodies,
            key: letters.value,
          };
        }
        break;
      }
      case 'fill_blank': {
        const key = fillBlankKey(
          keyText,
          blankNodes(base.stem).map((node) => node.blankId),
        );
        if (!key.ok) error('key', key.reason);
        else content = { type: 'fill_blank', ...base, ...extra, key: key.value };
        break;
      }
      case 'short_answer':
        content = {
          type: 'short_answer',
          ...base,
          ...extra,
          key: { referenceAnswer: itemBodyFromCellText(keyText) },
        };
        break;
    }
  }
  const pointCode = cell('pointCode');
  const source = cell('source');
  const enemyGroup = cell('enemyGroup');
  const externalId = cell('id');
  const category = cell('category');
  if (category.length > MAX_TAG) {
    error('category', `分类“${category.slice(0, 20)}…”超过 ${MAX_TAG} 个字符，无法作为标签保留`);
  }
  const categoryTag = category === '' || category.length > MAX_TAG ? [] : [category];
  const tags = [...new Set([...splitList(cell('tags')), ...categoryTag])];
  const tooLong = tags.find((tag) => tag.length > MAX_TAG);
  if (tooLong !== undefined) error('tags', `标签“${tooLong.slice(0, 20)}…”超过 ${MAX_TAG} 个字符`);
  if (source.length > MAX_SOURCE) error('source', `来源超过 ${MAX_SOURCE} 个字符`);
  if (enemyGroup.length > MAX_ENEMY_GROUP)
    error('enemyGroup', `互斥组超过 ${MAX_ENEMY_GROUP} 个字符`);
  if (pointCode.length > MAX_POINT_CODE)
    error('pointCode', `鉴定点代码超过 ${MAX_POINT_CODE} 个字符`);
  if (externalId !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(externalId)) {
    error('id', '试题ID只能由字母、数字和 _ . : - 组成（最长 64 个字符）');
  }
  if (content !== undefined && issues.length === 0) {
    for (const issue of validateParsedContent(content, where)) issues.push(issue);
  }
  if (issues.length > 0 || content === undefined) return { kind: 'rejected', issues };

  const item: ParsedItem = {
    ref: `${fileName} 第${row.row}行`,
    row: row.row,
    content,
    tags,
    ...(pointCode !== '' ? { pointCode: normalizePointCode(pointCode) } : {}),
    ...(source !== '' ? { source } : {}),
    ...(enemyGroup !== '' ? { enemyGroup } : {}),
    ...(externalId !== '' ? { externalId } : {}),
  };
  return { kind: 'item', item, warnings };
}

function optional<K extends string, T>(
  key: K,
  text: string,
  build: (text: string) => T,
): Partial<Record<K, T>> {
  return text === '' ? {} : ({ [key]: build(text) } as Partial<Record<K, T>>);
}

function optionalParsed<T>(
  text: string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; reason: string },
  onError: (reason: string) => void,
): T | undefined {
  if (text === '') return undefined;
  const result = parse(text);
  if (result.ok) return result.value;
  onError(result.reason);
  return undefined;
}

/**
 * 判断 keys that say so in words or symbols. Digits, 是/否 and single letters (1/0, Y/N, T/F, X)
 * are also 判断 keys in a 判断 row, but without a 题型 they are as likely a fill-in or short
 * answer ("三相四线制中性线有几根" → 1), so they never make a row a 判断 by themselves.
 */
const TRUE_FALSE_WORDS = new Set([
  '√',
  '✓',
  '✔',
  '对',
  '正确',
  'TRUE',
  '×',
  '✗',
  '✘',
  '错',
  '错误',
  'FALSE',
]);

function isTrueFalseWord(keyText: string): boolean {
  return TRUE_FALSE_WORDS.has(normalizeCode(keyText).replace(/[。.]$/, ''));
}

/**
 * Without a 题型 column: a 判断 word as key, a key of letters, blanks in the stem, or free
 * text. A key of letters on a row without options (and without blanks) is a choice question
 * whose options are missing — reported as such rather than imported as a short answer "A".
 */
function inferType(
  keyText: string,
  optionCount: number,
  hasUnsplitOptions: boolean,
  stemText: string,
) {
  if (optionCount === 0 && isTrueFalseWord(keyText)) return 'true_false' as const;
  const letters = parseKeyLetters(keyText);
  const choice = () =>
    letters.ok && letters.value.length > 1
      ? ('multiple_choice' as const)
      : ('single_choice' as const);
  if ((optionCount >= 2 || hasUnsplitOptions) && letters.ok) return choice();
  if (blankNodes(itemBodyFromCellText(stemText, { blanks: true })).length > 0) {
    return 'fill_blank' as const;
  }
  if (letters.ok && /^[A-F]{1,6}$/.test(keyText.replace(/[\s,，、]/g, ''))) return choice();
  return 'short_answer' as const;
}

/**
 * 填空 answers: blanks separated by `；`/`;`, alternatives of one blank by `|`/`｜`; a numeric
 * answer is written `数值：4 ±0.2` (accepted-answer-cell.ts).
 * With a single blank, every part is an alternative answer.
 */
export function fillBlankKey(
  keyText: string,
  blankIds: readonly string[],
): { ok: true; value: Record<string, AcceptedAnswer[]> } | { ok: false; reason: string } {
  if (blankIds.length === 0) {
    return { ok: false, reason: '填空题的题干中没有空位（用“（ ）”或“____”标出空位）' };
  }
  const split = (text: string, separator: RegExp) =>
    text
      .split(separator)
      .map((part) => part.trim())
      .filter((part) => part !== '');
  const perBlank =
    blankIds.length === 1
      ? [split(keyText, /[;；|｜]/)]
      : split(keyText, /[;；]/).map((part) => split(part, /[|｜]/));
  if (perBlank.length !== blankIds.length) {
    return {
      ok: false,
      reason: `题干有 ${blankIds.length} 个空，答案却有 ${perBlank.length} 组（各空答案用“；”分隔，同一空的多个答案用“|”分隔）`,
    };
  }
  const key: Record<string, AcceptedAnswer[]> = {};
  for (const [index, id] of blankIds.entries()) {
    const label = blankIds.length === 1 ? '答案' : `第 ${index + 1} 空`;
    const answers = blankAnswersOfParts(perBlank[index] ?? [], label);
    if (!answers.ok) return answers;
    key[id] = answers.answers;
  }
  return { ok: true, value: key };
}
