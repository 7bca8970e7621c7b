import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

describe('committed fixture files', () => {
  it('diangong-gbk.csv: a GBK bank without the template header, as Chinese Excel saves it', async () => {
    const file = await parseItemFile(fixture('diangong-gbk.csv'), { fileName: 'diangong-gbk.csv' });
    expect(file.format).toBe('csv');
    expect(file.items.map((item) => [item.row, item.content.type, item.content.key])).toEqual([
      [2, 'single_choice', 'A'],
      [3, 'single_choice', 'C'],
      [4, 'multiple_choice', ['C', 'D']],
      [5, 'true_false', true],
      [6, 'true_false', false],
      [9, 'single_choice', 'C'],
    ]);
    // No 题型 column: one note says which types were inferred, not one per row.
    const typeNotes = file.issues.filter((issue) => issue.field === '题型');
    expect(typeNotes.map((issue) => [issue.row, issue.severity, issue.reason])).toEqual([
      [
        undefined,
        'warning',
        '文件没有题型列，按内容推断为：单选 3 题、多选 1 题、判断 2 题。请核对，或在文件中加“题型”列',
      ],
    ]);
    expect(file.issues.filter((issue) => !typeNotes.includes(issue))).toEqual([
      expect.objectContaining({
        row: 7,
        field: '答案（G列）',
        reason: expect.stringContaining('E'),
      }),
      expect.objectContaining({ row: 10, field: '题干（B列）', reason: '题干为空' }),
      expect.objectContaining({
        field: '难度/等级',
        severity: 'warning',
        reason: expect.stringMatching(/^6 题没有难度，按 中（3）导入；6 题没有等级/),
      }),
    ]);
  });
});
