import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentBuilders as b,
  itemBody,
  itemBodyFromText,
  PaperSchema,
  type ItemContent,
} from '@skillexam/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { renderAnswerKeyPdf, renderPaperPdf } from '../../src/paper-pdf/render-paper-pdf';
import { cjkFontPath } from '../../src/pdf-document/cjk-font';
import { tempDir } from '../support/fixtures';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A 1 × 1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PNG_HASH = createHash('sha256').update(PNG).digest('hex');
const MISSING_HASH = 'f'.repeat(64);
const common = { assessmentPointId: 'p1', level: 3, difficulty: 3 } as const;

const contents = new Map<string, ItemContent>([
  [
    'sc1',
    {
      type: 'single_choice',
      ...common,
      stem: itemBody(
        b.paragraph('电阻 ', b.formula('R = \\frac{U}{I}'), ' 的单位是'),
        b.table(
          b.tableRow(b.tableHeaderCell('电压'), b.tableHeaderCell('电流')),
          b.tableRow(b.tableCell('220V'), b.tableCell('5A')),
        ),
        b.image(PNG_HASH, '电路图'),
        b.image(MISSING_HASH, '缺失的接线图'),
      ),
      options: (['A', 'B', 'C', 'D'] as const).map((id, i) => ({
        id,
        content: itemBodyFromText(['欧姆', '伏特', '安培', '瓦特'][i] ?? ''),
      })),
      key: 'A',
      explanation: itemBodyFromText('欧姆定律。'),
    },
  ],
  [
    'fb1',
    {
      type: 'fill_blank',
      ...common,
      stem: itemBody(b.paragraph('三相电的相位差为', b.blank('b1'), '度。')),
      key: { b1: ['120'] },
    },
  ],
]);

const paper = PaperSchema.parse({
  id: 'paper-rich',
  title: '电工（三级）理论知识考试（A卷）',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 3,
  durationMinutes: 90,
  fullMarks: 3,
  passMark: 2,
  sections: [
    {
      title: '一、单项选择题',
      itemType: 'single_choice',
      pointsEach: 2,
      items: [{ itemId: 'sc1', version: 1 }],
    },
    {
      title: '二、填空题',
      itemType: 'fill_blank',
      pointsEach: 1,
      items: [{ itemId: 'fb1', version: 1 }],
    },
  ],
});

const input = {
  paper,
  contents,
  asset: (hash: string) => (hash === PNG_HASH ? new Uint8Array(PNG) : undefined),
  fontBytes: new Uint8Array(readFileSync(cjkFontPath())),
  createdAt: new Date('2026-06-01T00:00:00Z'),
};

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
}

describe('paper and answer-key PDFs', () => {
  it('render rich content: formula as text, tables, images or their description, blanks', async () => {
    const bytes = await renderPaperPdf(input);
    const text = pdfText(bytes, 'paper.pdf');
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('一、单项选择题（第1题～第1题。选择一个正确的答案');
    expect(flat).toContain('1.电阻〔R=\\frac{U}{I}〕的单位是');
    expect(text).toMatch(/电压[\s\S]*电流[\s\S]*220V[\s\S]*5A/);
    expect(flat).toContain('〔图：缺失的接线图〕');
    expect(flat).not.toContain('〔图：电路图〕');
    expect(flat).toContain('三相电的相位差为________度。');
    expect(flat).toContain('A.欧姆');
    const images = execFileSync('pdfimages', ['-list', join(dir, 'paper.pdf')]).toString('utf8');
    // One embedded picture (pdfimages also lists its alpha mask as "smask").
    expect(images.split('\n').filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line))).toHaveLength(
      1,
    );
    // The same input gives the same bytes (fixed creation date).
    expect(Buffer.from(await renderPaperPdf(input)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('adds the answer bracket only to stems that do not already hold one', async () => {
    const sc1 = contents.get('sc1');
    if (sc1?.type !== 'single_choice') throw new Error('fixture');
    const withBracket = new Map(contents).set('sc1', {
      ...sc1,
      stem: itemBodyFromText('电阻的单位是（　）。'),
    });
    const flat = pdfText(
      await renderPaperPdf({ ...input, contents: withBracket }),
      'bracket.pdf',
    ).replace(/\s+/g, '');
    expect(flat).toContain('1.电阻的单位是（');
    // pdftotext interleaves the two option columns; count brackets in the question's text.
    const question = flat.slice(flat.indexOf('1.电阻的单位是'), flat.indexOf('二、填空题'));
    expect([...question].filter((ch) => ch === '（')).toHaveLength(1);
  });

  it('prints keys and explanations in the answer key', async () => {
    const flat = pdfText(
      await renderAnswerKeyPdf({ ...input, withExplanations: true }),
      'key.pdf',
    ).replace(/\s+/g, '');
    expect(flat).toContain('标准答案');
    expect(flat).toContain('1.A');
    expect(flat).toContain('解析：欧姆定律。');
    expect(flat).toContain('2.120');
  });
});
