import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createItem } from '../src/items/item-service';
import { reviewItem } from '../src/review/review-service';
import { normalizeText } from '../src/search/normalize-text';
import { searchItems } from '../src/search/search-items';
import { memoryBank, pointId, singleChoice, trueFalse } from './support/fixtures';

function seededBank() {
  const bank = memoryBank();
  const add = (stem: string, path = 'B-A-001', level: 5 | 4 = 5) =>
    createItem(bank, { content: { ...trueFalse(stem, true, path), level } }, 'writer').item.id;
  const ids = {
    cable: add('电缆敷设前应检查电缆的绝缘。'),
    ground: add('接地装置的接地电阻应定期测量。', 'B-A-002'),
    ethics: add('电工应遵守职业道德。', 'A-A-001', 4),
    meter: add('使用ＭＥＧＧＥＲ兆欧表测量绝缘电阻。', 'A-B-001'),
  };
  return { bank, ids };
}

describe('search', () => {
  it('finds two-character and one-character Chinese queries (trigram index cannot)', () => {
    const { bank, ids } = seededBank();
    const found = (q: string) =>
      searchItems(bank.search, q)
        .hits.map((h) => h.id)
        .sort();
    expect(found('电缆')).toEqual([ids.cable]);
    expect(found('接地')).toEqual([ids.ground]);
    expect(found('绝缘')).toEqual([ids.cable, ids.meter].sort());
    expect(found('电')).toEqual([ids.cable, ids.ground, ids.ethics, ids.meter].sort());
    expect(found('阻')).toEqual([ids.ground, ids.meter].sort());
  });

  it('finds longer substrings, half-width/lower-case forms and multi-word queries', () => {
    const { bank, ids } = seededBank();
    const found = (q: string) =>
      searchItems(bank.search, q)
        .hits.map((h) => h.id)
        .sort();
    expect(found('接地电阻应定期')).toEqual([ids.ground]);
    expect(found('megger')).toEqual([ids.meter]);
    expect(found('ＭＥＧ')).toEqual([ids.meter]);
    expect(found('电缆 绝缘')).toEqual([ids.cable]);
    expect(found('不存在的词')).toEqual([]);
  });

  it('filters by standard, range with descendants, point, type, level, status and difficulty', () => {
    const { bank, ids } = seededBank();
    const found = (filter: Parameters<typeof searchItems>[2]) =>
      searchItems(bank.search, '', filter)
        .hits.map((h) => h.id)
        .sort();
    expect(found({ rangeId: '6-31-01-03:2018:A' })).toEqual([ids.ethics, ids.meter].sort());
    expect(found({ rangeId: '6-31-01-03:2018:B-A' })).toEqual([ids.cable, ids.ground].sort());
    expect(found({ pointId: pointId('B-A-002') })).toEqual([ids.ground]);
    expect(found({ level: 4 })).toEqual([ids.ethics]);
    expect(found({ type: 'single_choice' })).toEqual([]);
    expect(found({ standardId: '6-31-01-03:2018', difficulty: 2 })).toHaveLength(4);
    reviewItem(bank, ids.cable, { action: 'submit', actor: 'writer' });
    expect(found({ status: 'in_review' })).toEqual([ids.cable]);
  });

  it('pages with a total count and validates the page', () => {
    const bank = memoryBank();
    for (let n = 0; n < 25; n += 1) {
      createItem(
        bank,
        { content: singleChoice(`第${n}题：电缆线路的巡视内容${'甲乙丙丁'.repeat(n)}`) },
        'w',
      );
    }
    const first = searchItems(bank.search, '电缆', {}, { limit: 10 });
    const third = searchItems(bank.search, '电缆', {}, { limit: 10, offset: 20 });
    expect(first.total).toBe(25);
    expect(first.hits).toHaveLength(10);
    expect(third.hits).toHaveLength(5);
    expect(() => searchItems(bank.search, '电缆', {}, { limit: 0 })).toThrow(/每页条数/);
  });

  it('agrees with a plain substring scan for random texts, queries of 1–6 characters and facet filters', () => {
    const alphabet = ['电', '缆', '接', '地', '线', '路', 'a', 'B', '，', ' '];
    const textArb = fc
      .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 12 })
      .map((chars) => chars.join(''));
    const itemArb = fc.record({
      text: textArb,
      difficulty: fc.integer({ min: 1, max: 5 }),
      submitted: fc.boolean(),
      point: fc.constantFrom('B-A-001', 'B-A-002', 'A-B-001'),
    });
    const filterArb = fc.constantFrom<Parameters<typeof searchItems>[2]>(
      {},
      { status: 'in_review' },
      { type: 'true_false', difficulty: 3 },
      { minDifficulty: 2, maxDifficulty: 4 },
      { type: 'single_choice' },
      { level: 5, status: 'draft' },
      { rangeId: '6-31-01-03:2018:B' },
      { rangeId: '6-31-01-03:2018:A-B', type: 'true_false' },
      { pointId: pointId('B-A-002'), minDifficulty: 3 },
      { standardId: '6-31-01-03:2018' },
      { tag: 'x' },
    );
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(...alphabet.slice(0, 8)), { minLength: 1, maxLength: 6 }),
        filterArb,
        (items, queryChars, filter = {}) => {
          const bank = memoryBank();
          const stems = items.map((item) => `题${item.text}`);
          const ids = items.map((item, index) => {
            const content = {
              ...trueFalse(stems[index] ?? '', true, item.point),
              difficulty: item.difficulty,
            };
            const id = createItem(bank, { content }, 'w').item.id;
            if (item.submitted) reviewItem(bank, id, { action: 'submit', actor: 'w' });
            return id;
          });
          const query = queryChars.join('');
          const passes = (index: number) => {
            const item = items[index]!;
            const status = item.submitted ? 'in_review' : 'draft';
            return (
              (filter.type === undefined || filter.type === 'true_false') &&
              (filter.status === undefined || filter.status === status) &&
              (filter.level === undefined || filter.level === 5) &&
              (filter.rangeId === undefined ||
                item.point.startsWith(`${filter.rangeId.split(':').at(-1) ?? ''}-`)) &&
              (filter.pointId === undefined || filter.pointId === pointId(item.point)) &&
              filter.tag === undefined &&
              (filter.difficulty === undefined || filter.difficulty === item.difficulty) &&
              (filter.minDifficulty === undefined || item.difficulty >= filter.minDifficulty) &&
              (filter.maxDifficulty === undefined || item.difficulty <= filter.maxDifficulty)
            );
          };
          const expected = ids
            .filter(
              (_, index) =>
                passes(index) && normalizeText(stems[index] ?? '').includes(normalizeText(query)),
            )
            .sort();
          const page = searchItems(bank.search, query, filter, { limit: 200 });
          expect(page.hits.map((hit) => hit.id).sort()).toEqual(expected);
          expect(page.total).toBe(expected.length);
          bank.close();
        },
      ),
      { numRuns: 80 },
    );
  });
});
