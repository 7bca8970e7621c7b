import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toPlainText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import type { ParsedItem } from '../../src/import-export/item-file-types';
import { ANQUAN, DIANGONG, HANGONG, type BankQuestion } from './fixtures/layout-banks';
import { expectedDiangongDifficulty, expectedHangong } from './fixtures/layout-fixture-rows';

/*
 * Real-world shaped banks in the one-cell option layout (options of a question in one cell),
 * read with no mapping at all: every row must import with its type, options and key.
 */

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

const TYPES = { 单选: 'single_choice', 多选: 'multiple_choice', 判断: 'true_false' } as const;

function expected(question: BankQuestion) {
  const options =
    question.type === '判断'
      ? undefined
      : question.options.map((text, index) => [String.fromCharCode(65 + index), text]);
  const key =
    question.type === '单选'
      ? question.key
      : question.type === '多选'
        ? question.key.split('')
        : question.key;
  return { type: TYPES[question.type], stem: question.stem, options, key };
}

function actual(item: ParsedItem) {
  const { content } = item;
  return {
    type: content.type,
    stem: toPlainText(content.stem),
    options:
      'options' in content
        ? content.options.map((option) => [option.id, toPlainText(option.content)])
        : undefined,
    key: content.key,
  };
}

describe('one-cell option layout, no mapping flags', () => {
  it('安全生产 xlsx: title row, 作业种类/试题类型/题目内容/题目选项/题目答案, run-on options', async () => {
    const file = await parseItemFile(fixture('anquan-one-cell.xlsx'), {
      fileName: 'anquan-one-cell.xlsx',
    });
    expect(file.issues).toEqual([
      expect.objectContaining({
        field: '难度/等级',
        severity: 'warning',
        reason: expect.stringMatching(/^44 题没有难度，按 中（3）导入；44 题没有等级/),
      }),
    ]);
    expect(file.items.map(actual)).toEqual(ANQUAN.map(expected));
    expect(file.items[0]?.row).toBe(4);
    expect(new Set(file.items.flatMap((item) => item.tags))).toEqual(new Set(['低压电工作业']));
  });

  it('电工 GBK CSV: 选项 column in spaced, bracketed, colon and line styles', async () => {
    const file = await parseItemFile(fixture('diangong-one-cell-gbk.csv'), {
      fileName: 'diangong-one-cell-gbk.csv',
    });
    expect(file.issues).toEqual([
      expect.objectContaining({
        field: '难度/等级',
        severity: 'warning',
        reason: expect.stringMatching(/^40 题没有等级/),
      }),
    ]);
    expect(file.items.map(actual)).toEqual(DIANGONG.map(expected));
    expect(file.items.map((item) => item.content.difficulty)).toEqual(
      DIANGONG.map((_, index) => expectedDiangongDifficulty(index)),
    );
  });

  it('焊工 xlsx: 备选答案 one per line, per tab or without letters; 参考答案, 知识点 as a tag', async () => {
    const file = await parseItemFile(fixture('hangong-lines.xlsx'), {
      fileName: 'hangong-lines.xlsx',
    });
    expect(file.issues).toEqual([]);
    expect(file.items.map(actual)).toEqual(HANGONG.map(expected));
    expect(
      file.items.map((item) => ({
        difficulty: item.content.difficulty,
        level: item.content.level,
        tag: item.tags[0],
      })),
    ).toEqual(HANGONG.map((_, index) => expectedHangong(index)));
  });
});
