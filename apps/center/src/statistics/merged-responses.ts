import {
  scoreAttempt,
  sessionResponseMatrix,
  type AnswerValue,
  type AttemptScore,
  type PaperAnswerKeys,
  type ResponseMatrix,
} from '@skillexam/shared';

/*
 * One exam's answers from every site as one response matrix, built the way a proctor server
 * builds its session's (`sessionResponseMatrix`): chosen letters for choice and true/false items
 * (distractor analysis), points for the rest. Points are the centre's own re-derivation stored
 * with each result (`item_points`, aligned with the paper's items); a 简答题 of a result still
 * `pending` (not all marked) is left out, as the site's export leaves out unmarked answers.
 * Candidates are anonymous (`C000001` …), in the order given. Pure.
 */

export interface MergedResult {
  /** Item id → the answer value the kiosk sent. */
  readonly answers: Readonly<Record<string, unknown>> | null;
  /** Points per item, aligned with `itemIds`. */
  readonly itemPoints: readonly number[] | null;
  readonly result: 'pass' | 'fail' | 'pending';
}

export function candidateLabel(index: number): string {
  return `C${String(index + 1).padStart(6, '0')}`;
}

function attemptOf(
  keys: PaperAnswerKeys,
  itemIds: readonly string[],
  row: MergedResult,
): { answers: Map<string, AnswerValue>; score: AttemptScore } {
  const answers = new Map(Object.entries(row.answers ?? {}) as [string, AnswerValue][]);
  const scored = scoreAttempt(keys, answers);
  const points = new Map(itemIds.map((id, j) => [id, row.itemPoints?.[j]]));
  const items = scored.items.map((item) => {
    const stored = points.get(item.itemId);
    if (item.score.status !== 'needs_marking' || row.result === 'pending' || stored === undefined)
      return item;
    return {
      ...item,
      score: { status: 'marked' as const, points: stored, maxPoints: item.score.maxPoints },
    };
  });
  return { answers, score: { ...scored, items } };
}

export function mergedResponseMatrix(
  keys: PaperAnswerKeys,
  itemIds: readonly string[],
  rows: readonly MergedResult[],
): ResponseMatrix {
  return sessionResponseMatrix(
    keys,
    rows.map((row, index) => ({
      candidateId: candidateLabel(index),
      ...attemptOf(keys, itemIds, row),
    })),
  );
}
