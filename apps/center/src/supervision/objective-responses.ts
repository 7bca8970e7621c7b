import type { PaperAnswerKeys } from '@skillexam/shared';
import type { ExamineeResponses, ItemTally } from './answer-similarity';

/*
 * From stored answers (item id → the answer value the kiosk sent) to the response codes the
 * similarity index compares: the objective items of the paper in paper order, a choice answer
 * as its letters sorted (`AC`), a true/false answer as `T`/`F`; anything else is omitted. Pure.
 */

export interface ObjectiveItem {
  readonly itemId: string;
  /** 题号 on the paper. */
  readonly number: number;
  readonly key: string;
}

export function objectiveItems(keys: PaperAnswerKeys): ObjectiveItem[] {
  return keys.sections.flatMap((section) =>
    section.items.flatMap((item): ObjectiveItem[] => {
      const answer = item.answer;
      if (answer.type === 'true_false')
        return [{ itemId: item.itemId, number: item.number, key: answer.key ? 'T' : 'F' }];
      if (answer.type === 'single_choice')
        return [{ itemId: item.itemId, number: item.number, key: answer.key }];
      if (answer.type === 'multiple_choice')
        return [{ itemId: item.itemId, number: item.number, key: [...answer.key].sort().join('') }];
      return [];
    }),
  );
}

/** The response code of a stored answer value, or null when it is no objective answer. */
export function responseCode(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const answer = value as { kind?: unknown; value?: unknown; selected?: unknown };
  if (answer.kind === 'true_false' && typeof answer.value === 'boolean')
    return answer.value ? 'T' : 'F';
  if (answer.kind === 'choice' && Array.isArray(answer.selected)) {
    const letters = answer.selected.filter(
      (s): s is string => typeof s === 'string' && /^[A-F]$/.test(s),
    );
    return letters.length === 0 ? null : [...new Set(letters)].sort().join('');
  }
  return null;
}

export function examineeOf(
  id: string,
  band: number,
  answers: Record<string, unknown> | null,
  items: readonly ObjectiveItem[],
): ExamineeResponses {
  const responses = items.map((item) => responseCode(answers?.[item.itemId] ?? null));
  return {
    id,
    band,
    responses,
    correct: responses.map((r, i) => r !== null && r === items[i]?.key),
  };
}

/** Per objective item: sat, right and wrong answers per band, from (band, item, answer, n) rows. */
export function talliesOf(
  rows: readonly { band: number; itemId: string; answer: string; n: number }[],
  items: readonly ObjectiveItem[],
  sat: number,
  bands: number,
): ItemTally[] {
  const index = new Map(items.map((item, i) => [item.itemId, i]));
  const tallies = items.map(() => ({
    sat,
    right: 0,
    wrongByBand: Array.from({ length: bands }, () => new Map<string, number>()),
  }));
  for (const row of rows) {
    const i = index.get(row.itemId);
    const tally = i === undefined ? undefined : tallies[i];
    if (i === undefined || tally === undefined) continue;
    const code = responseCode(JSON.parse(row.answer) as unknown);
    if (code === null) continue;
    if (code === items[i]?.key) tally.right += row.n;
    else {
      const band = tally.wrongByBand[Math.min(Math.max(row.band, 0), bands - 1)];
      band?.set(code, (band.get(code) ?? 0) + row.n);
    }
  }
  return tallies;
}
