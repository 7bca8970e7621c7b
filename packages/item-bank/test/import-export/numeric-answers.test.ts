import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contentBuilders, itemBody, type ItemContent } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemFile } from '../../src/import-export/index';
import type { ExportItem } from '../../src/import-export/item-file-types';
import { toParsedContent } from '../../src/import-export/restore-content';

/*
 * Numeric 填空 answers (docs/decisions/0620) in spreadsheet/CSV key cells (`数值：4 ±0.2`) and
 * through every export → import round trip: the key objects come back exactly.
 */

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

const base = { assessmentPointId: 'p1', level: 4 as const, difficulty: 3 };
const { blank, paragraph } = contentBuilders;

const numericContents: ItemContent[] = [
  {
    type: 'fill_blank',
    ...base,
    stem: itemBody(
      paragraph(
        '三相对称负载星形联结，线电压 380 V，每相阻抗 22 Ω，则相电流为',
        blank('b1'),
        'A，线电流为',
        blank('b2'),
        'A，三相有功功率（功率因数 0.8）约为',
        blank('b3'),
        'kW，负载联结方式为',
        blank('b4'),
        '。',
      ),
    ),
    key: {
      b1: [{ number: 10, tolerance: 5, mode: 'relative' }],
      b2: [
        { number: 10, tolerance: 0.2, mode: 'absolute' },
        { number: 17.3, tolerance: 0, mode: 'absolute' },
      ],
      b3: [{ number: 5.27, figures: 2, mode: 'decimal_places' }],
      b4: ['星形', 'Y形'],
    },
  },
  {
    type: 'fill_blank',
    ...base,
    difficulty: 4,
    stem: itemBody(
      paragraph('焊接线能量 q=ηUI/v=', blank('b1'), 'J/cm；电阻率 ρ=', blank('b2'), 'Ω·m。'),
    ),
    key: {
      b1: [{ number: 11520, figures: 3, mode: 'significant_figures' }],
      b2: [{ number: 1.75e-8, tolerance: 0, mode: 'relative' }],
    },
  },
];

const exportItems: ExportItem[] = numericContents.map((content, index) => ({
  id: `num-${index + 1}`,
  version: 1,
  content,
  pointCode: `A-B-00${index + 1}`,
  tags: [],
  status: 'approved',
}));

describe('numeric answers round-trip through every export format', () => {
  it.each(['xlsx', 'csv', 'qti'] as const)(
    '%s export → import gives the same keys',
    async (format) => {
      const bytes = await writeItemFile(exportItems, () => undefined, format);
      const file = await parseItemFile(bytes, {
        fileName: `export.${format === 'qti' ? 'zip' : format}`,
      });
      expect(file.issues).toEqual([]);
      expect(file.items.map((item) => item.content)).toEqual(numericContents.map(toParsedContent));
    },
  );

  it('writes the numeric form 数值：… into the key column of a spreadsheet', async () => {
    const bytes = await writeItemFile(exportItems, () => undefined, 'csv');
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(
      '数值：10 ±5%；数值：10 ±0.2|数值：17.3；数值：5.27（保留2位小数）；星形|Y形',
    );
    expect(text).toContain('数值：11520（3位有效数字）；数值：1.75e-8 ±0%');
  });
});

describe('diangong-jisuan-numeric.csv: a 电工/焊工 calculation bank with numeric keys', () => {
  it('reads 数值：… answers with their tolerance and keeps other texts as texts', async () => {
    const file = await parseItemFile(fixture('diangong-jisuan-numeric.csv'), {
      fileName: 'diangong-jisuan-numeric.csv',
    });
    const keys = Object.fromEntries(file.items.map((item) => [item.row, item.content.key]));
    expect(keys[2]).toEqual({
      b1: [{ number: 2, tolerance: 5, mode: 'relative' }],
      b2: [{ number: 4, tolerance: 5, mode: 'relative' }],
    });
    expect(keys[3]).toEqual({
      b1: [{ number: 380, tolerance: 0, mode: 'absolute' }],
      b2: [{ number: 220, tolerance: 0, mode: 'absolute' }],
    });
    expect(keys[4]).toEqual({ b1: [{ number: 15.4, tolerance: 0.2, mode: 'absolute' }] });
    expect(keys[5]).toEqual({ b1: [{ number: 11520, figures: 3, mode: 'significant_figures' }] });
    expect(keys[6]).toEqual({ b1: [{ number: 0.7, figures: 2, mode: 'decimal_places' }] });
    expect(keys[7]).toEqual({ b1: ['±7%', '正负百分之七'] });
    expect(keys[8]).toEqual({ b1: [{ number: 31.8, tolerance: 1, mode: 'relative' }] });
    expect(file.issues).toEqual([
      expect.objectContaining({
        row: 9,
        field: expect.stringContaining('答案'),
        severity: 'error',
        reason: expect.stringMatching(/^答案：数值答案“数值：1\.5±”写法不对，应写作 数值：4、/),
      }),
      expect.objectContaining({
        row: 10,
        field: expect.stringContaining('答案'),
        severity: 'error',
        reason: expect.stringContaining('混用了文字和数值'),
      }),
    ]);
  });
});
