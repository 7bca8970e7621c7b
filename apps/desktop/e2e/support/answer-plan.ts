import type { CandidatePaper, ItemContent } from '@skillexam/shared';

/** The keys a candidate presses on each question, in the order the kiosk shows them. */
export interface AnswerPlan {
  readonly presses: readonly string[];
  /** The total the proctor must see for these answers. */
  readonly expectedScore: number;
}

type KeyOf = (itemId: string, version: number) => ItemContent['key'] | undefined;

/**
 * A candidate who knows every single-choice answer and says 正确 (T) to every 判断题: the
 * letter is the key option's place in this candidate's (shuffled) option order, so the score is
 * the single-choice points plus the points of the true statements, from the bank's own keys.
 */
export function planAnswers(paper: CandidatePaper, keyOf: KeyOf): AnswerPlan {
  const presses: string[] = [];
  let expectedScore = 0;
  for (const item of paper.sections.flatMap((section) => section.items)) {
    const key = keyOf(item.itemId, item.version);
    if (key === undefined)
      throw new Error(`item ${item.itemId} v${item.version} is not in the bank`);
    if (item.type === 'true_false') {
      presses.push('t');
      if (key === true) expectedScore += item.points;
    } else if (item.type === 'single_choice') {
      const place = item.options.findIndex((option) => option.id === key);
      if (place < 0) throw new Error(`item ${item.itemId}: key ${String(key)} is not an option`);
      presses.push('abcdef'.charAt(place));
      expectedScore += item.points;
    } else {
      throw new Error(`the demo paper holds no ${item.type} items; item ${item.itemId} is one`);
    }
  }
  return { presses, expectedScore: Math.round(expectedScore * 100) / 100 };
}
