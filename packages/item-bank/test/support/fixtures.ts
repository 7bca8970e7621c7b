import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { itemBodyFromText, type ItemContent } from '@skillexam/shared';
import { openBank, type Bank } from '../../src/db/open-bank';
import { saveStandard } from '../../src/standards/import-standard';
import {
  STANDARD_FILE_FORMAT,
  STANDARD_FILE_VERSION,
  type StandardDocument,
} from '../../src/standards/standard-document';

/** A small 电工 standard: two top ranges, nested ranges, five points (X/Y/Z). */
export function electricianStandardJson() {
  return {
    format: STANDARD_FILE_FORMAT,
    formatVersion: STANDARD_FILE_VERSION,
    occupation: { code: '6-31-01-03', name: '电工', edition: 2015, subTrades: [] },
    standard: {
      occupationCode: '6-31-01-03',
      version: '2018',
      title: '电工国家职业技能标准',
      documentNumber: '人社厅发〔2018〕145号',
      levels: [5, 4],
    },
    ranges: [
      {
        code: 'A',
        name: '基本要求',
        weights: { 5: 30, 4: 25 },
        children: [
          {
            code: 'A',
            name: '职业道德',
            weights: { 5: 10, 4: 5 },
            points: [{ code: '001', name: '职业道德基本知识', importance: 'X' }],
          },
          {
            code: 'B',
            name: '基础知识',
            weights: { 5: 20, 4: 20 },
            points: [
              { code: '001', name: '电工基础知识', importance: 'X' },
              { code: '002', name: '安全用电知识', importance: 'Y' },
            ],
          },
        ],
      },
      {
        code: 'B',
        name: '相关知识',
        weights: { 5: 70, 4: 75 },
        children: [
          {
            code: 'A',
            name: '电气线路敷设',
            weights: { 5: 70, 4: 75 },
            points: [
              { code: '001', name: '电缆敷设', importance: 'X' },
              { code: '002', name: '接地装置安装', importance: 'Z' },
            ],
          },
        ],
      },
    ],
  };
}

export function electricianStandard(): StandardDocument {
  const raw = electricianStandardJson();
  return raw as unknown as StandardDocument;
}

export const STANDARD_ID = '6-31-01-03:2018';
export const pointId = (path: string) => `${STANDARD_ID}:${path}`;

/** A deterministic clock: each call is one second after the previous one. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): () => string {
  let now = start;
  return () => {
    now += 1000;
    return new Date(now).toISOString();
  };
}

export function sequentialIds(prefix = 'item'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${String(n).padStart(4, '0')}`;
  };
}

/** An in-memory bank with the electrician standard loaded. */
export function memoryBank(): Bank {
  const bank = openBank(':memory:', { clock: fakeClock(), newId: sequentialIds() });
  saveStandard(bank.standards, electricianStandardWithWeights(), '2026-01-01T00:00:00.000Z');
  return bank;
}

export function electricianStandardWithWeights(): StandardDocument {
  const doc = electricianStandard();
  return {
    ...doc,
    standard: {
      ...doc.standard,
      theoryWeights: [
        { level: 5, weights: { A: 30, B: 70 } },
        { level: 4, weights: { A: 25, B: 75 } },
      ],
    },
  };
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'qbank-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function singleChoice(
  stem: string,
  options: string[] = ['正确做法', '错误做法一', '错误做法二', '错误做法三'],
  overrides: Partial<ItemContent> = {},
): ItemContent {
  return {
    type: 'single_choice',
    stem: itemBodyFromText(stem),
    options: options.map((text, index) => ({
      id: (['A', 'B', 'C', 'D', 'E', 'F'] as const)[index] ?? 'F',
      content: itemBodyFromText(text),
    })),
    key: 'A',
    assessmentPointId: pointId('B-A-001'),
    level: 5,
    difficulty: 3,
    ...overrides,
  } as ItemContent;
}

export function trueFalse(stem: string, key = true, path = 'B-A-001'): ItemContent {
  return {
    type: 'true_false',
    stem: itemBodyFromText(stem),
    key,
    assessmentPointId: pointId(path),
    level: 5,
    difficulty: 2,
  };
}
