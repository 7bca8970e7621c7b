import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BlueprintSchema,
  blueprintTotalPoints,
  listAssessmentPoints,
  toPlainText,
  type Importance,
  type Item,
  type ItemType,
} from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBank, type Bank } from '../src/db/open-bank';
import { importItems } from '../src/imports/import-items';
import type { ImportReport } from '../src/imports/import-report';
import { importStandardFile, type ImportStandardReport } from '../src/standards/import-standard';
import { tempDir } from './support/fixtures';

/*
 * The realistic sample bank (samples/electrician): the 电工 6-31-01-03 standard with
 * its level-4 鉴定要素细目表 and the item bank written for it, imported through the real
 * import code into a fresh bank file. These are content checks: coverage, type and
 * difficulty mix, keys, explanations and near-duplicates (docs/decisions/0500–0503).
 */

const SAMPLE_DIR = fileURLToPath(new URL('../../../samples/electrician/', import.meta.url));
const ITEM_DIR = join(SAMPLE_DIR, 'items');
const STANDARD_ID = '6-31-01-03:2018';

const read = (path: string) => new Uint8Array(readFileSync(path));
const share = (part: number, whole: number) => part / whole;

interface Loaded {
  readonly bank: Bank;
  readonly standard: ImportStandardReport;
  readonly reports: ImportReport[];
  readonly items: Item[];
  readonly pointOf: Map<string, { path: string; importance: Importance }>;
}

let loaded: Loaded;
let cleanup: () => void = () => undefined;

beforeAll(async () => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  const bank = openBank(join(temp.dir, 'electrician.qbank'));
  const standardPath = join(SAMPLE_DIR, 'standard.json');
  const standard = await importStandardFile(
    bank.standards,
    read(standardPath),
    standardPath,
    bank.clock(),
  );
  const files = readdirSync(ITEM_DIR)
    .filter((name) => name.endsWith('.csv'))
    .sort();
  const reports: ImportReport[] = [];
  for (const name of files) {
    reports.push(
      await importItems(bank, read(join(ITEM_DIR, name)), { fileName: name, actor: '命题组' }),
    );
  }
  const items = reports.flatMap((report) =>
    report.importedIds.map((id) => {
      const item = bank.items.getItem(id);
      if (item === undefined) throw new Error(`imported item ${id} is missing`);
      return item;
    }),
  );
  const pointOf = new Map(
    bank.standards
      .listPoints(STANDARD_ID)
      .map((point) => [point.id, { path: point.path, importance: point.importance }]),
  );
  loaded = { bank, standard, reports, items, pointOf };
}, 60_000);

afterAll(() => {
  loaded.bank.close();
  cleanup();
});

function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('the 电工 standard sample', () => {
  it('imports without errors or warnings', () => {
    expect(loaded.standard.issues).toEqual([]);
    expect(loaded.standard.standard).toMatchObject({ id: STANDARD_ID, occupationName: '电工' });
  });

  it('has a level-4 理论知识权重表 totalling 100 that matches the top of the tree', () => {
    const document = loaded.bank.standards.getStandardDocument(STANDARD_ID);
    expect(document).toBeDefined();
    const table = document?.standard.theoryWeights.find((entry) => entry.level === 4);
    const weights = Object.values(table?.weights ?? {});
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBe(100);
    const top = (document?.ranges ?? []).reduce((sum, range) => sum + (range.weights[4] ?? 0), 0);
    expect(top).toBe(100);
  });

  it('has at least 60 鉴定点 with X ≥ 80 %, Z ≤ 5 %', () => {
    const document = loaded.bank.standards.getStandardDocument(STANDARD_ID);
    const points = listAssessmentPoints(document?.ranges ?? []);
    expect(points.length).toBeGreaterThanOrEqual(60);
    const importance = countBy(points.map((entry) => entry.point.importance));
    expect(share(importance.get('X') ?? 0, points.length)).toBeGreaterThanOrEqual(0.8);
    expect(share(importance.get('Z') ?? 0, points.length)).toBeLessThanOrEqual(0.05);
    expect(new Set(points.map((entry) => entry.point.name)).size).toBe(points.length);
  });
});

describe('the 电工 level-4 item bank sample', () => {
  it('imports every file in one piece with no errors and no near-duplicates', () => {
    for (const report of loaded.reports) {
      expect(report.issues, report.file).toEqual([]);
      expect(report).toMatchObject({ committed: true, skipped: 0 });
      expect(report.imported).toBe(report.total);
      expect(report.nearDuplicates).toEqual([]);
    }
    expect(loaded.bank.items.listDuplicateFlags()).toEqual([]);
  });

  it('has at least 400 level-4 items', () => {
    expect(loaded.items.length).toBeGreaterThanOrEqual(400);
    expect(loaded.items.every((item) => item.level === 4)).toBe(true);
  });

  it('covers every 鉴定点: ≥ 3 单选 and ≥ 1 判断 each, ≥ 4 单选 for X points', () => {
    const byPoint = new Map<string, Map<ItemType, number>>();
    for (const item of loaded.items) {
      const types = byPoint.get(item.assessmentPointId) ?? new Map<ItemType, number>();
      types.set(item.type, (types.get(item.type) ?? 0) + 1);
      byPoint.set(item.assessmentPointId, types);
    }
    const thin: string[] = [];
    for (const [pointId, point] of loaded.pointOf) {
      const types = byPoint.get(pointId) ?? new Map<ItemType, number>();
      const single = types.get('single_choice') ?? 0;
      const trueFalse = types.get('true_false') ?? 0;
      const needSingle = point.importance === 'X' ? 4 : 3;
      if (single < needSingle || trueFalse < 1) {
        thin.push(`${point.path}: 单选 ${single}, 判断 ${trueFalse}`);
      }
    }
    expect(thin).toEqual([]);
    expect(loaded.pointOf.size).toBeGreaterThanOrEqual(60);
  });

  it('mixes types as a 认定 bank does: 判断 ≈ 25 %, 单选 ≈ 65 %, 多选 ≈ 10 %', () => {
    const types = countBy(loaded.items.map((item) => item.type));
    const total = loaded.items.length;
    expect(share(types.get('true_false') ?? 0, total)).toBeGreaterThanOrEqual(0.2);
    expect(share(types.get('true_false') ?? 0, total)).toBeLessThanOrEqual(0.3);
    expect(share(types.get('single_choice') ?? 0, total)).toBeGreaterThanOrEqual(0.6);
    expect(share(types.get('single_choice') ?? 0, total)).toBeLessThanOrEqual(0.7);
    expect(share(types.get('multiple_choice') ?? 0, total)).toBeGreaterThanOrEqual(0.07);
    expect(share(types.get('multiple_choice') ?? 0, total)).toBeLessThanOrEqual(0.13);
    expect([...types.keys()].sort()).toEqual(['multiple_choice', 'single_choice', 'true_false']);
  });

  it('writes 单选 with 4 options and 多选 with 5 options and at least 2 keys', () => {
    for (const item of loaded.items) {
      if (item.type === 'single_choice') expect(item.options).toHaveLength(4);
      if (item.type === 'multiple_choice') {
        expect(item.options).toHaveLength(5);
        expect(item.key.length).toBeGreaterThanOrEqual(2);
        expect(item.key.length).toBeLessThan(5);
      }
    }
  });

  it('spreads keys evenly: each letter 20–30 % of 单选, √ and × each 40–60 % of 判断, no letter always right or wrong in 多选', () => {
    const singles = loaded.items.flatMap((item) =>
      item.type === 'single_choice' ? [String(item.key)] : [],
    );
    const letters = countBy(singles);
    for (const letter of ['A', 'B', 'C', 'D']) {
      const part = share(letters.get(letter) ?? 0, singles.length);
      expect(part, letter).toBeGreaterThanOrEqual(0.2);
      expect(part, letter).toBeLessThanOrEqual(0.3);
    }
    const judgements = loaded.items.flatMap((item) =>
      item.type === 'true_false' ? [item.key] : [],
    );
    const trueShare = share(judgements.filter(Boolean).length, judgements.length);
    expect(trueShare).toBeGreaterThanOrEqual(0.4);
    expect(trueShare).toBeLessThanOrEqual(0.6);
    const multiKeys = loaded.items.flatMap((item) =>
      item.type === 'multiple_choice' ? [item.key.map(String)] : [],
    );
    for (const letter of ['A', 'B', 'C', 'D', 'E']) {
      const part = share(
        multiKeys.filter((keys) => keys.includes(letter)).length,
        multiKeys.length,
      );
      expect(part, `多选 ${letter}`).toBeGreaterThanOrEqual(0.4);
      expect(part, `多选 ${letter}`).toBeLessThanOrEqual(0.9);
    }
  });

  it('gives every item a 解析 of one to three sentences', () => {
    const missing = loaded.items.filter((item) => {
      const text = item.explanation === undefined ? '' : toPlainText(item.explanation).trim();
      const sentences = text.split('。').filter((part) => part.trim() !== '').length;
      return text.length < 10 || sentences < 1 || sentences > 3;
    });
    expect(missing.map((item) => toPlainText(item.stem))).toEqual([]);
  });

  it('uses Chinese blanks and no 以上都对-style options', () => {
    for (const item of loaded.items) {
      const stem = toPlainText(item.stem);
      if (item.type === 'true_false') expect(stem).not.toContain('（　）');
      else expect(stem).toContain('（　）');
      if (item.type === 'single_choice' || item.type === 'multiple_choice') {
        for (const option of item.options) {
          expect(toPlainText(option.content)).not.toMatch(/以上(都|均|全)(对|正确|错|不对)/);
        }
      }
    }
  });

  it('puts items that give each other away into 互斥组 of 2–4 items', () => {
    const groups = countBy(
      loaded.items.flatMap((item) => (item.enemyGroup === undefined ? [] : [item.enemyGroup])),
    );
    expect(groups.size).toBeGreaterThanOrEqual(20);
    for (const [group, size] of groups) {
      expect(size, group).toBeGreaterThanOrEqual(2);
      expect(size, group).toBeLessThanOrEqual(4);
    }
  });

  it('rates difficulty about 20 % easy, 70 % medium, 10 % hard (± 5 %)', () => {
    const total = loaded.items.length;
    const bands = countBy(
      loaded.items.map((item) =>
        item.difficulty <= 2 ? 'easy' : item.difficulty === 3 ? 'medium' : 'hard',
      ),
    );
    expect(Math.abs(share(bands.get('easy') ?? 0, total) - 0.2)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(share(bands.get('medium') ?? 0, total) - 0.7)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(share(bands.get('hard') ?? 0, total) - 0.1)).toBeLessThanOrEqual(0.05);
  });
});

describe('the level-4 blueprint sample', () => {
  const blueprint = BlueprintSchema.parse(
    JSON.parse(readFileSync(join(SAMPLE_DIR, 'blueprint-level4.json'), 'utf-8')),
  );

  it('is the usual 四级 paper: 160 单选 + 40 判断 × 0.5, 120 minutes, pass 60', () => {
    expect(blueprint.standard).toEqual({ occupationCode: '6-31-01-03', version: '2018' });
    expect(blueprint.level).toBe(4);
    expect(blueprint.sections.map((section) => [section.itemType, section.count])).toEqual([
      ['single_choice', 160],
      ['true_false', 40],
    ]);
    expect(blueprintTotalPoints(blueprint)).toBe(100);
    expect(blueprint).toMatchObject({ durationMinutes: 120, fullMarks: 100, passMark: 60 });
  });

  it('asks for no more than the bank holds, with room to choose in every range', () => {
    const document = loaded.bank.standards.getStandardDocument(STANDARD_ID);
    const weights = document?.standard.theoryWeights.find((table) => table.level === 4)?.weights;
    expect(weights).toBeDefined();
    const perPointType = countBy(
      loaded.items.map((item) => `${item.assessmentPointId}|${item.type}`),
    );
    const perPoint = countBy(loaded.items.map((item) => item.assessmentPointId));
    const cap = blueprint.maxItemsPerPoint;
    const short: string[] = [];
    for (const [range, weight] of Object.entries(weights ?? {})) {
      const points = [...loaded.pointOf].filter(([, point]) => point.path.startsWith(`${range}-`));
      let rangeQuota = 0;
      for (const section of blueprint.sections) {
        const quota = Math.round((section.count * weight) / 100);
        rangeQuota += quota;
        const of = (pointId: string) => perPointType.get(`${pointId}|${section.itemType}`) ?? 0;
        const supply = points.reduce((sum, [pointId]) => sum + of(pointId), 0);
        const capacity = points.reduce((sum, [pointId]) => sum + Math.min(of(pointId), cap), 0);
        if (capacity < quota || supply < 1.5 * quota) {
          short.push(
            `${range} ${section.itemType}: ${supply} items, ${capacity} usable, ${quota} asked`,
          );
        }
      }
      const usable = points.reduce(
        (sum, [pointId]) => sum + Math.min(perPoint.get(pointId) ?? 0, cap),
        0,
      );
      if (usable < rangeQuota) short.push(`${range}: ${usable} usable, ${rangeQuota} asked`);
    }
    expect(short).toEqual([]);
  });
});
