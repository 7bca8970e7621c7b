import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import { ItemSchema, toItemContent } from './item';

const minimal = {
  id: 'item-0001',
  version: 2,
  type: 'single_choice',
  stem: itemBodyFromText('电流的单位是（　　）。'),
  options: ['伏特', '安培', '欧姆', '瓦特'].map((label, index) => ({
    id: 'ABCD'.charAt(index),
    content: itemBodyFromText(label),
  })),
  key: 'B',
  explanation: itemBodyFromText('电流的国际单位是安培（A）。'),
  assessmentPointId: 'point-A-B-003',
  level: 5,
  difficulty: 1,
  reviewStatus: 'approved',
};

const item = {
  ...minimal,
  stats: {
    p: 0.92,
    discrimination: 0.31,
    papersPinned: 14,
    candidatesSeen: 600,
    responseCount: 600,
  },
  tags: ['基础知识'],
  enemyGroup: 'unit-of-current',
  source: '国家题库',
};

describe('ItemSchema', () => {
  it('parses a bank record with stats, tags and an enemy group', () => {
    const parsed = ItemSchema.parse(item);
    expect(parsed.type).toBe('single_choice');
    expect(parsed.reviewStatus).toBe('approved');
    if (parsed.type === 'single_choice') expect(parsed.key).toBe('B');
  });

  it('defaults tags and keeps optional fields absent (not null)', () => {
    const parsed = ItemSchema.parse(minimal);
    expect(parsed.tags).toEqual([]);
    expect('stats' in parsed).toBe(false);
    expect(ItemSchema.safeParse({ ...minimal, stats: null }).success).toBe(false);
  });

  it('applies the per-type content rules', () => {
    expect(ItemSchema.safeParse({ ...item, key: 'E' }).error?.issues[0]?.message).toBe(
      'The key "E" is not one of the options (A, B, C, D)',
    );
  });

  it('validates review status, version and statistics', () => {
    expect(ItemSchema.safeParse({ ...item, reviewStatus: 'published' }).success).toBe(false);
    expect(ItemSchema.safeParse({ ...item, version: 0 }).success).toBe(false);
    expect(
      ItemSchema.safeParse({ ...item, stats: { p: 1.2, papersPinned: 0, candidatesSeen: 0 } })
        .success,
    ).toBe(false);
    expect(
      ItemSchema.safeParse({ ...item, stats: { papersPinned: -1, candidatesSeen: 0 } }).success,
    ).toBe(false);
  });
});

describe('toItemContent', () => {
  it('keeps the versioned content and drops the record fields', () => {
    const content = toItemContent(ItemSchema.parse(item));
    expect(Object.keys(content).sort()).toEqual(
      [
        'assessmentPointId',
        'difficulty',
        'explanation',
        'key',
        'level',
        'options',
        'stem',
        'type',
      ].sort(),
    );
  });
});
