import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import type { CandidatePaper, CandidatePaperItem } from './candidate-paper';
import { candidateVariation, isVariationSeed } from './candidate-variation';
import { OPTION_IDS } from './choice-option';

const options = (count: number) =>
  OPTION_IDS.slice(0, count).map((id) => ({ id, content: itemBodyFromText(`选项${id}`) }));

/** 判断 ×tf, 单选 ×sc (4 options), 多选 ×mc (5 options), one 填空; numbered 1…n. */
function paperOf(tf: number, sc: number, mc: number): CandidatePaper {
  let number = 0;
  const base = (prefix: string, index: number) => ({
    itemId: `${prefix}${index + 1}`,
    version: 1,
    number: (number += 1),
    points: 1,
    stem: itemBodyFromText(`${prefix} ${index + 1}`),
  });
  const sections: CandidatePaper['sections'] = [
    {
      title: '一、判断题',
      itemType: 'true_false',
      pointsEach: 1,
      items: Array.from({ length: tf }, (_, i) => ({ type: 'true_false', ...base('tf', i) })),
    },
    {
      title: '二、单项选择题',
      itemType: 'single_choice',
      pointsEach: 1,
      items: Array.from({ length: sc }, (_, i) => ({
        type: 'single_choice',
        ...base('sc', i),
        options: options(4),
      })),
    },
    {
      title: '三、多项选择题',
      itemType: 'multiple_choice',
      pointsEach: 1,
      items: Array.from({ length: mc }, (_, i) => ({
        type: 'multiple_choice',
        ...base('mc', i),
        options: options(5),
      })),
    },
    {
      title: '四、填空题',
      itemType: 'fill_blank',
      pointsEach: 1,
      items: [{ type: 'fill_blank', ...base('fb', 0) }],
    },
  ];
  return { paperId: 'p1', title: '试卷', durationMinutes: 90, fullMarks: 100, sections };
}

const ids = (items: readonly CandidatePaperItem[]) => items.map((item) => item.itemId);
const optionIds = (item: CandidatePaperItem | undefined) =>
  item !== undefined && 'options' in item ? item.options.map((o) => o.id) : [];
const BOTH = { shuffleItems: true, shuffleOptions: true };

describe('candidateVariation', () => {
  const paper = paperOf(10, 20, 5);

  it('keeps the paper order without variation flags', () => {
    expect(candidateVariation(paper, undefined, 123)).toEqual(paper);
    expect(candidateVariation(paper, { shuffleItems: false, shuffleOptions: false }, 9)).toEqual(
      paper,
    );
  });

  it('shuffles items within sections and options, differently for different seeds', () => {
    const a = candidateVariation(paper, BOTH, 1);
    const b = candidateVariation(paper, BOTH, 2);
    expect(ids(a.sections[1]?.items ?? [])).not.toEqual(ids(paper.sections[1]?.items ?? []));
    expect(ids(a.sections[1]?.items ?? [])).not.toEqual(ids(b.sections[1]?.items ?? []));
    const shuffledOptions = a.sections[1]?.items.some(
      (item) => optionIds(item).join('') !== 'ABCD',
    );
    expect(shuffledOptions).toBe(true);
  });

  it('only options move when only shuffleOptions is set, only items with shuffleItems', () => {
    const onlyOptions = candidateVariation(paper, { shuffleItems: false, shuffleOptions: true }, 7);
    expect(onlyOptions.sections.map((s) => ids(s.items))).toEqual(
      paper.sections.map((s) => ids(s.items)),
    );
    const onlyItems = candidateVariation(paper, { shuffleItems: true, shuffleOptions: false }, 7);
    for (const section of onlyItems.sections) {
      for (const item of section.items) {
        if ('options' in item) expect(optionIds(item).join('')).toMatch(/^ABCDE?$/);
      }
    }
  });

  it('properties: permutation within sections, deterministic, ids canonical, renumbered', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.boolean(),
        (seed, tf, sc, mc, shuffleItems, shuffleOptions) => {
          const source = paperOf(tf, sc, mc);
          const flags = { shuffleItems, shuffleOptions };
          const varied = candidateVariation(source, flags, seed);
          // deterministic for the seed
          expect(candidateVariation(source, flags, seed)).toEqual(varied);
          // same sections in the same order, each a permutation of its own items
          expect(varied.sections.map((s) => s.title)).toEqual(source.sections.map((s) => s.title));
          varied.sections.forEach((section, index) => {
            const original = source.sections[index]?.items ?? [];
            expect([...ids(section.items)].sort()).toEqual([...ids(original)].sort());
            for (const item of section.items) {
              const before = original.find((o) => o.itemId === item.itemId);
              // option ids unchanged as a set; each option keeps its content
              expect([...optionIds(item)].sort()).toEqual([...optionIds(before)].sort());
              if ('options' in item && before !== undefined && 'options' in before) {
                for (const option of item.options) {
                  expect(option).toEqual(before.options.find((o) => o.id === option.id));
                }
              }
              // true/false items are never changed apart from their number
              if (item.type === 'true_false')
                expect({ ...item, number: 0 }).toEqual({ ...before, number: 0 });
            }
          });
          // 题号 1…n in display order
          const numbers = varied.sections.flatMap((s) => s.items.map((item) => item.number));
          expect(numbers).toEqual(numbers.map((_, index) => index + 1));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('recognises valid seeds', () => {
    expect(isVariationSeed(0)).toBe(true);
    expect(isVariationSeed(2 ** 32 - 1)).toBe(true);
    expect(isVariationSeed(2 ** 32)).toBe(false);
    expect(isVariationSeed(-1)).toBe(false);
    expect(isVariationSeed(1.5)).toBe(false);
  });
});
