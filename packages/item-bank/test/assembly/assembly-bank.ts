import { itemBodyFromText, type AuthoredDifficulty, type ItemContent } from '@skillexam/shared';
import { openBank, type Bank } from '../../src/db/open-bank';
import { createItem } from '../../src/items/item-service';
import { reviewItem } from '../../src/review/review-service';
import { saveStandard } from '../../src/standards/import-standard';
import {
  STANDARD_FILE_FORMAT,
  STANDARD_FILE_VERSION,
  type StandardDocument,
} from '../../src/standards/standard-document';
import { fakeClock, sequentialIds } from '../support/fixtures';

/*
 * A real bank file for the assembly integration tests: a level-3 电工 standard with four
 * weighted 鉴定范围 of twenty points each, and approved items of three types.
 */

export const L3_STANDARD_ID = '6-31-01-03:2018';
export const L3_WEIGHTS = { 'A-A': 10, 'A-B': 20, 'B-A': 40, 'B-B': 30 } as const;
const RANGES = ['A-A', 'A-B', 'B-A', 'B-B'] as const;

export function level3Standard(): StandardDocument {
  const points = (prefix: string) =>
    Array.from({ length: 20 }, (_, i) => ({
      code: String(i + 1).padStart(3, '0'),
      name: `${prefix}鉴定点${i + 1}`,
      importance: i < 15 ? 'X' : i < 19 ? 'Y' : 'Z',
    }));
  return {
    format: STANDARD_FILE_FORMAT,
    formatVersion: STANDARD_FILE_VERSION,
    occupation: { code: '6-31-01-03', name: '电工', edition: 2015, subTrades: [] },
    standard: {
      occupationCode: '6-31-01-03',
      version: '2018',
      levels: [3],
      theoryWeights: [{ level: 3, weights: { ...L3_WEIGHTS } }],
    },
    ranges: [
      {
        code: 'A',
        name: '基本要求',
        weights: { 3: 30 },
        children: [
          { code: 'A', name: '职业道德', weights: { 3: 10 }, points: points('职业道德') },
          { code: 'B', name: '基础知识', weights: { 3: 20 }, points: points('基础知识') },
        ],
      },
      {
        code: 'B',
        name: '相关知识',
        weights: { 3: 70 },
        children: [
          { code: 'A', name: '电气线路', weights: { 3: 40 }, points: points('电气线路') },
          { code: 'B', name: '电机控制', weights: { 3: 30 }, points: points('电机控制') },
        ],
      },
    ],
  } as unknown as StandardDocument;
}

const TOPICS = [
  '接地',
  '绝缘',
  '电缆',
  '变压器',
  '继电器',
  '熔断器',
  '电动机',
  '照明',
  '仪表',
  '安全',
];

function content(
  type: ItemContent['type'],
  index: number,
  range: string,
  point: number,
): ItemContent {
  const common = {
    assessmentPointId: `${L3_STANDARD_ID}:${range}-${String(point).padStart(3, '0')}`,
    level: 3 as const,
    difficulty: ([1, 2, 3, 3, 3, 3, 3, 4, 4, 5][index % 10] ?? 3) as AuthoredDifficulty,
    explanation: itemBodyFromText(`第${index}题的解析：依据${TOPICS[index % 10] ?? ''}相关规程。`),
  };
  const stem = `第${index}题 关于${TOPICS[(index * 7) % 10] ?? ''}的${range}范围第${point}点：编号${index * 7919}的说法`;
  const options = (ids: readonly ('A' | 'B' | 'C' | 'D' | 'E')[]) =>
    ids.map((id) => ({ id, content: itemBodyFromText(`选项${id}（题${index}）`) }));
  switch (type) {
    case 'true_false':
      return { type, ...common, stem: itemBodyFromText(`${stem}是正确的。`), key: index % 2 === 0 };
    case 'single_choice':
      return {
        type,
        ...common,
        stem: itemBodyFromText(`${stem}，正确的是`),
        options: options(['A', 'B', 'C', 'D']),
        key: 'B',
      };
    default:
      return {
        type: 'multiple_choice',
        ...common,
        stem: itemBodyFromText(`${stem}，正确的有`),
        options: options(['A', 'B', 'C', 'D', 'E']),
        key: ['A', 'C'],
      };
  }
}

export interface BankSpec {
  readonly trueFalse: number;
  readonly singleChoice: number;
  readonly multipleChoice: number;
  /** Items of these ranges are left out (to make a blueprint infeasible on purpose). */
  readonly skipRanges?: readonly string[];
}

/** Creates and approves items, spread round-robin over the 80 points. */
export function fillLevel3Bank(bank: Bank, spec: BankSpec): string[] {
  const ids: string[] = [];
  const types = [
    ...Array<ItemContent['type']>(spec.trueFalse).fill('true_false'),
    ...Array<ItemContent['type']>(spec.singleChoice).fill('single_choice'),
    ...Array<ItemContent['type']>(spec.multipleChoice).fill('multiple_choice'),
  ];
  const ranges = RANGES.filter((range) => !(spec.skipRanges ?? []).includes(range));
  types.forEach((type, index) => {
    const range = ranges[index % ranges.length] ?? 'A-A';
    const point = (Math.floor(index / ranges.length) % 20) + 1;
    const { item } = createItem(
      bank,
      { content: content(type, index + 1, range, point) },
      'writer',
    );
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    reviewItem(bank, item.id, { action: 'approve', actor: 'reviewer' });
    ids.push(item.id);
  });
  return ids;
}

export function createLevel3BankFile(path: string, spec: BankSpec): void {
  const bank = openBank(path, { clock: fakeClock(), newId: sequentialIds('it') });
  try {
    saveStandard(bank.standards, level3Standard(), '2026-01-01T00:00:00.000Z');
    fillLevel3Bank(bank, spec);
  } finally {
    bank.close();
  }
}

/** 10 判断 × 1 + 20 单选 × 2 + 5 多选 × 2 = 60 points, 35 items. */
export function level3BlueprintJson(overrides: Record<string, unknown> = {}) {
  return {
    id: 'bp-dg-3',
    version: 1,
    title: '电工（三级）理论知识考试',
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 3,
    sections: [
      { itemType: 'true_false', count: 10, pointsEach: 1 },
      { itemType: 'single_choice', count: 20, pointsEach: 2 },
      { itemType: 'multiple_choice', count: 5, pointsEach: 2 },
    ],
    durationMinutes: 90,
    fullMarks: 60,
    passMark: 36,
    importance: { X: { minShare: 0.6 } },
    difficulty: { kind: 'mix', easy: 0.2, medium: 0.6, hard: 0.2, tolerance: 0.1 },
    ...overrides,
  };
}
