import { describe, expect, it } from 'vitest';
import {
  blank,
  bulletedList,
  formula,
  image,
  itemBody,
  listItem,
  numberedList,
  paragraph,
  table,
  tableCell,
  tableRow,
  text,
} from './builders';
import {
  collectAssetHashes,
  collectBlankIds,
  isEmptyItemBody,
  toPlainText,
} from './document-queries';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

const sample = itemBody(
  paragraph('欧姆定律：', formula('U = IR'), '，其中 I 的单位是', blank('unit'), '。'),
  bulletedList(listItem('电压'), listItem('电流', blank('b2'))),
  numberedList(listItem(text('第一步', ['bold']))),
  image(HASH_A, '接线图'),
  table(
    tableRow(tableCell('名称'), tableCell('符号')),
    tableRow(tableCell('电阻'), tableCell('R')),
  ),
  image(HASH_B, ''),
  image(HASH_A, '接线图（重复）'),
);

describe('toPlainText', () => {
  it('flattens blocks to lines, cells to tabs, formulas to LaTeX and blanks to ____', () => {
    expect(toPlainText(sample)).toBe(
      [
        '欧姆定律：U = IR，其中 I 的单位是____。',
        '电压',
        '电流____',
        '第一步',
        '接线图',
        '名称\t符号',
        '电阻\tR',
        '',
        '接线图（重复）',
      ].join('\n'),
    );
  });
});

describe('collectBlankIds', () => {
  it('lists blanks in document order, including those in lists and tables', () => {
    const body = itemBody(
      paragraph(blank('a')),
      table(tableRow(tableCell(blank('c')))),
      paragraph(blank('a')),
    );
    expect(collectBlankIds(sample)).toEqual(['unit', 'b2']);
    expect(collectBlankIds(body)).toEqual(['a', 'c', 'a']);
  });
});

describe('collectAssetHashes', () => {
  it('lists each image hash once', () => {
    expect(collectAssetHashes(sample)).toEqual([HASH_A, HASH_B]);
  });
});

describe('isEmptyItemBody', () => {
  it('is true only when nothing visible is left', () => {
    expect(isEmptyItemBody(itemBody())).toBe(true);
    expect(isEmptyItemBody(itemBody(paragraph('  '), bulletedList(listItem(''))))).toBe(true);
    expect(isEmptyItemBody(itemBody(paragraph('x')))).toBe(false);
    expect(isEmptyItemBody(itemBody(paragraph(formula('x'))))).toBe(false);
    expect(isEmptyItemBody(itemBody(paragraph(blank('b'))))).toBe(false);
    expect(isEmptyItemBody(itemBody(image(HASH_A)))).toBe(false);
  });
});
