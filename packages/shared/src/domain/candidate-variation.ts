import type { CandidatePaper, CandidatePaperItem } from './candidate-paper';
import type { PaperVariation } from './paper';
import { fnv1a, mulberry32 } from '../random/seeded-random';

/*
 * 乱序: each candidate's own order of a paper, from a per-attempt seed stored by the server.
 * Items move only within their section (大题 stay in place, so 一、判断题 stays first); options
 * of single- and multiple-choice items are permuted but keep their canonical ids, so answers and
 * scoring are the same for every order. True/false items have no options and are never touched.
 * 题号 are renumbered 1…n in display order. Pure and deterministic: the same paper, flags and
 * seed always give the same order, on the server and in any later report.
 */

/** A 32-bit seed; the server draws one per attempt. */
export type VariationSeed = number;

/** Fisher–Yates with the given random source; returns a new array. */
function shuffled<T>(values: readonly T[], random: () => number): T[] {
  const result = [...values];
  for (let index = result.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const held = result[index] as T;
    result[index] = result[other] as T;
    result[other] = held;
  }
  return result;
}

/** Each section and item gets its own stream from the one seed. */
function streamFor(seed: VariationSeed, key: string): () => number {
  return mulberry32((seed ^ fnv1a(key)) >>> 0);
}

function withShuffledOptions(item: CandidatePaperItem, seed: VariationSeed): CandidatePaperItem {
  switch (item.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        ...item,
        options: shuffled(item.options, streamFor(seed, `options:${item.itemId}`)),
      };
    case 'true_false':
    case 'fill_blank':
    case 'short_answer':
      return item;
  }
}

/**
 * The candidate's variation of `paper`. Without variation flags (or with both false) the
 * paper is returned in its own order, renumbered (which changes nothing for a valid paper).
 */
export function candidateVariation(
  paper: CandidatePaper,
  variation: PaperVariation | undefined,
  seed: VariationSeed,
): CandidatePaper {
  let number = 0;
  return {
    ...paper,
    sections: paper.sections.map((section, sectionIndex) => {
      const ordered =
        variation?.shuffleItems === true
          ? shuffled(section.items, streamFor(seed, `items:${sectionIndex}:${section.title}`))
          : section.items;
      return {
        ...section,
        items: ordered.map((item) => {
          number += 1;
          const varied =
            variation?.shuffleOptions === true ? withShuffledOptions(item, seed) : item;
          return { ...varied, number };
        }),
      };
    }),
  };
}

/** Whether `value` is a valid seed: a whole number in 0 … 2³²−1. */
export function isVariationSeed(value: unknown): value is VariationSeed {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 2 ** 32;
}
