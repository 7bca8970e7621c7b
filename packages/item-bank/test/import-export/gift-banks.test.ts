import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toPlainText, type ItemBody } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile, type ParsedItem } from '../../src/import-export/index';

/*
 * Real-world-shaped GIFT banks (fixtures/moodle-gift): everything valid GIFT can say that the
 * bank can hold imports as written (numeric answers keep their tolerance); partial credit and
 * matching are reported by name and line, never turned into a different key or type.
 */

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`./fixtures/moodle-gift/${name}`, import.meta.url))),
  );

const plain = (body: ItemBody | undefined) => (body === undefined ? undefined : toPlainText(body));

function optionTexts(item: ParsedItem | undefined): string[] {
  const content = item?.content;
  if (content?.type !== 'single_choice' && content?.type !== 'multiple_choice') return [];
  return content.options.map((option) => toPlainText(option.content));
}

describe('GIFT bank with every supported construct (anquan-valid.gift)', () => {
  it('imports each question with its own key and type', async () => {
    const file = await parseItemFile(fixture('anquan-valid.gift'), {
      fileName: 'anquan-valid.gift',
    });
    expect(file.format).toBe('gift');
    expect(file.items.map((item) => [item.row, item.content.type, item.content.key])).toEqual([
      [5, 'single_choice', 'A'],
      [12, 'true_false', true],
      [14, 'true_false', false],
      [16, 'single_choice', 'B'],
      [23, 'multiple_choice', ['A', 'B', 'C']],
      [31, 'multiple_choice', ['A', 'B']],
      [41, 'single_choice', 'A'],
      [48, 'true_false', true],
      [52, 'single_choice', 'A'],
      [61, 'fill_blank', { b1: ['安全标签', '化学品安全标签'] }],
      [63, 'fill_blank', { b1: ['UNECE'] }],
      [65, 'fill_blank', { b1: ['One'] }],
      [67, 'true_false', true],
      [69, 'short_answer', expect.anything()],
      [75, 'single_choice', 'B'],
      [77, 'single_choice', 'B'],
    ]);
  });

  it('skips descriptions with one warning each and reports nothing else', async () => {
    const file = await parseItemFile(fixture('anquan-valid.gift'), {
      fileName: 'anquan-valid.gift',
    });
    expect(file.issues).toEqual([
      expect.objectContaining({
        line: 50,
        item: '说明',
        severity: 'warning',
        reason: expect.stringContaining('说明'),
      }),
      expect.objectContaining({
        line: 73,
        item: expect.stringContaining('Questions EN-015'),
        severity: 'warning',
        reason: expect.stringContaining('说明'),
      }),
    ]);
  });

  it('keeps "->" in choice text, strips format markers and HTML comments, honours escapes', async () => {
    const file = await parseItemFile(fixture('anquan-valid.gift'), {
      fileName: 'anquan-valid.gift',
    });
    const byRow = new Map(file.items.map((item) => [item.row, item]));
    expect(optionTexts(byRow.get(16))).toEqual([
      '零线 -> 开关 -> 灯头',
      '相线 -> 开关 -> 灯头',
      '相线 -> 灯头 -> 开关',
      '零线 -> 灯头 -> 开关',
    ]);
    expect(optionTexts(byRow.get(31))).toEqual(['绝缘手套', '绝缘靴', '绝缘杆', '验电器']);
    expect(plain(byRow.get(41)?.content.stem)).toBe('焊条电弧焊时，焊接电流主要根据（ ）选择。');
    expect(optionTexts(byRow.get(41))[0]).toBe('焊条直径');
    expect(plain(byRow.get(67)?.content.stem)).toBe(
      '在 GIFT 中，符号 { } = ~ # : 都要转义，例如 1 = 1。',
    );
    expect(optionTexts(byRow.get(77))).toEqual(['= 2 + 2', '= 2 + 3', '= 2 + 4']);
    expect(plain(byRow.get(75)?.content.stem)).toBe("Grant is （ ） in Grant's tomb.");
    expect(plain(byRow.get(14)?.content.explanation)).toBe('应置于交流电压最高挡或 OFF 挡。');
    expect(byRow.get(5)?.tags).toEqual(['电工基础']);
    expect(byRow.get(61)?.tags).toEqual(['安全生产', '危险化学品']);
  });
});

describe('GIFT weights and kinds the bank cannot hold (partial-credit.gift)', () => {
  it('reports each by name and line, imports only the questions written exactly', async () => {
    const file = await parseItemFile(fixture('partial-credit.gift'), {
      fileName: 'partial-credit.gift',
    });
    expect(file.items.map((item) => [item.row, item.content.type, item.content.key])).toEqual([
      [29, 'fill_blank', { b1: [{ number: 0.45, tolerance: 0.01, mode: 'absolute' }] }],
      [31, 'fill_blank', { b1: [{ number: 7.5, tolerance: 2.5, mode: 'absolute' }] }],
      [35, 'true_false', true],
      [39, 'multiple_choice', ['A', 'B']],
    ]);
    expect(
      file.issues.map((issue) => [issue.line, issue.item, issue.severity, issue.reason]),
    ).toEqual([
      [5, 'PC-01', 'error', expect.stringMatching(/50%.*部分得分|部分得分.*50%/)],
      [7, 'PC-02', 'error', expect.stringContaining('50%')],
      [14, 'PC-03', 'error', expect.stringContaining('50%')],
      [16, 'PC-04', 'error', expect.stringMatching(/50%.*30%.*20%/)],
      [23, 'PC-05', 'error', expect.stringContaining('配对')],
      [33, 'PC-08', 'error', expect.stringContaining('没有闭合')],
      [37, 'PC-10', 'error', expect.stringContaining('50%')],
      [46, 'PC-12', 'error', expect.stringMatching(/1822:2.*50%/)],
    ]);
  });

  it('keeps a numeric tolerance: the blank is appended to the stem', async () => {
    const file = await parseItemFile(fixture('partial-credit.gift'), {
      fileName: 'partial-credit.gift',
    });
    const numeric = file.items.find((item) => item.row === 29);
    expect(numeric?.content.stem.content[0]).toMatchObject({
      children: [
        { text: '一只 220 V、100 W 的白炽灯正常工作时的电流约为多少安？' },
        { type: 'blank', blankId: 'b1' },
      ],
    });
  });

  it('names the `*` wildcard of a short answer', async () => {
    const file = await parseItemFile(fixture('partial-credit.gift'), {
      fileName: 'partial-credit.gift',
    });
    expect(file.issues[0]?.reason).toContain('*');
  });
});
