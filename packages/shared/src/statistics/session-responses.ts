import { OPTION_IDS, type OptionId } from '../domain/choice-option';
import type { ItemVersionRef } from '../domain/item-version';
import type { AnswerValue } from '../protocol/answer';
import type { ItemAnswerKey, PaperAnswerKeys } from '../scoring/answer-keys';
import type { AttemptScore } from '../scoring/score-attempt';
import { buildResponseMatrix, type ItemColumn, type ResponseMatrix } from './response-matrix';

/*
 * The response matrix of a finished session, from what the proctor server already has: the
 * paper's keys, and per submitted attempt the saved answers and the AttemptScore. Items are the
 * paper's, in paper order (column id = bank item id); points come from the AttemptScore, so the
 * analysis sees exactly the scores the candidates got (partial credit and manual marks included).
 *
 * - An item with no saved answer, or scored `unanswered`, is omitted.
 * - A 简答题 still `needs_marking` is omitted too (it has no score yet); analyse after marking.
 * - Chosen options feed distractor analysis: choice answers as given; 判断题 as A = 对 (true),
 *   B = 错 (false). Options offered: 判断题 A–B, 单选题 A–D, 多选题 A–E (the domain's usual
 *   4 and 5 options), widened to the highest letter in the key or chosen.
 */

export interface SessionAttempt {
  readonly candidateId: string;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly score: AttemptScore;
}

function keyLetters(answer: ItemAnswerKey): OptionId[] | undefined {
  switch (answer.type) {
    case 'true_false':
      return [answer.key ? 'A' : 'B'];
    case 'single_choice':
      return [answer.key];
    case 'multiple_choice':
      return [...answer.key];
    default:
      return undefined;
  }
}

function chosenLetters(answer: AnswerValue | undefined): OptionId[] | undefined {
  if (answer === undefined || answer === null) return undefined;
  if (answer.kind === 'true_false') return [answer.value ? 'A' : 'B'];
  if (answer.kind !== 'choice') return undefined;
  return OPTION_IDS.filter((option) => answer.selected.includes(option));
}

function offeredOptions(answer: ItemAnswerKey, highest: number): OptionId[] {
  const base = answer.type === 'true_false' ? 1 : answer.type === 'single_choice' ? 3 : 4;
  return OPTION_IDS.slice(0, Math.max(base, highest) + 1);
}

/** Item id → item version of every item on the paper (for `toItemStatisticsUpdates`). */
export function itemVersionsOfKeys(keys: PaperAnswerKeys): Map<string, ItemVersionRef> {
  const versions = new Map<string, ItemVersionRef>();
  for (const section of keys.sections) {
    for (const item of section.items) {
      versions.set(item.itemId, { itemId: item.itemId, version: item.version });
    }
  }
  return versions;
}

export function sessionResponseMatrix(
  keys: PaperAnswerKeys,
  attempts: readonly SessionAttempt[],
): ResponseMatrix {
  const paperItems = keys.sections.flatMap((section) =>
    section.items.map((item) => ({ item, maxPoints: section.pointsEach })),
  );
  const highest = new Map<string, number>();
  const rows = attempts.map((attempt) => {
    if (attempt.score.paperId !== keys.paperId) {
      throw new RangeError(
        `session responses: attempt of candidate "${attempt.candidateId}" is for paper "${attempt.score.paperId}", not "${keys.paperId}"`,
      );
    }
    const results = new Map(attempt.score.items.map((result) => [result.itemId, result.score]));
    return {
      candidateId: attempt.candidateId,
      cells: paperItems.map(({ item }) => {
        const score = results.get(item.itemId);
        if (score === undefined || score.status === 'needs_marking') return undefined;
        if (score.status === 'scored' && score.outcome === 'unanswered') return undefined;
        const chosen = chosenLetters(attempt.answers.get(item.itemId));
        if (chosen !== undefined && chosen.length > 0) {
          const top = OPTION_IDS.indexOf(chosen.at(-1) ?? 'A');
          highest.set(item.itemId, Math.max(highest.get(item.itemId) ?? 0, top));
        }
        return { score: score.points, ...(chosen === undefined ? {} : { chosen }) };
      }),
    };
  });
  const items: ItemColumn[] = paperItems.map(({ item, maxPoints }) => {
    const key = keyLetters(item.answer);
    if (key === undefined) return { id: item.itemId, maxPoints };
    const top = Math.max(highest.get(item.itemId) ?? 0, OPTION_IDS.indexOf(key.at(-1) ?? 'A'));
    return { id: item.itemId, maxPoints, key, options: offeredOptions(item.answer, top) };
  });
  return buildResponseMatrix(items, rows);
}
