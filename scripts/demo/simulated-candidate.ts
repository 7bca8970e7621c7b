import type { AnswerValue, CandidatePaper, ItemContent } from '@skillexam/shared';

/*
 * How a simulated candidate answers: an ability θ and, per item, the chance of the right answer
 * from a two-parameter logistic curve on the item's difficulty (1 易 … 5 难). Wrong answers pick
 * a distractor, and a few items are left blank, so the item statistics look like a real day.
 */

export interface PlannedAnswer {
  readonly itemId: string;
  readonly value: AnswerValue;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Difficulty 1–5 → IRT b parameter −2…+2 (3 = medium ≈ p 0.65 for an average candidate). */
function bOf(difficulty: number): number {
  return (difficulty - 3) * 1 - 0.6;
}

function wrongChoices(
  all: readonly string[],
  key: readonly string[],
  random: () => number,
): string[] {
  const wrong = all.filter((id) => !key.includes(id));
  const pick = wrong[Math.floor(random() * wrong.length)] ?? all[0] ?? 'A';
  // A multiple-choice miss: often one key too few, sometimes a distractor added.
  if (key.length > 1) return random() < 0.6 ? key.slice(0, -1) : [...key.slice(1), pick];
  return [pick];
}

export function planAnswers(
  paper: CandidatePaper,
  contentOf: (itemId: string) => ItemContent,
  ability: number,
  random: () => number,
): PlannedAnswer[] {
  const plan: PlannedAnswer[] = [];
  for (const section of paper.sections) {
    for (const item of section.items) {
      if (random() < 0.02) continue; // left blank
      const content = contentOf(item.itemId);
      const correct = random() < logistic(1.4 * (ability - bOf(content.difficulty)));
      if (content.type === 'true_false') {
        plan.push({
          itemId: item.itemId,
          value: { kind: 'true_false', value: correct ? content.key : !content.key },
        });
      } else if (content.type === 'single_choice' || content.type === 'multiple_choice') {
        const key = Array.isArray(content.key) ? [...content.key] : [content.key];
        const ids = content.options.map((o) => o.id);
        plan.push({
          itemId: item.itemId,
          value: { kind: 'choice', selected: correct ? key : wrongChoices(ids, key, random) },
        });
      }
    }
  }
  return plan;
}
