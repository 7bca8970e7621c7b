import type { ItemType, PaperAnswerKeys } from '@skillexam/shared';
import Papa from 'papaparse';
import type { CandidateResult } from './candidate-result';

/*
 * The statistics export for the bank (题目统计): per item version, how many sat it, how many
 * answered, the mean points, the difficulty index p (mean / max, the classical 难度 P) and the
 * discrimination (point-biserial correlation of the item score with the rest of the paper,
 * 区分度), plus how often each option was chosen. Only candidates who sat the paper (status
 * normal) count; unmarked short answers are left out of their item's figures. The matrix CSV
 * has one anonymous row per candidate (C0001…) and one column per item version, for the
 * bank's own analyses; it carries no names or ID numbers.
 */

export interface ItemStatistic {
  readonly itemId: string;
  readonly version: number;
  readonly number: number;
  readonly itemType: ItemType;
  readonly maxPoints: number;
  /** Candidates who sat the paper and whose item score is known. */
  readonly responses: number;
  readonly answered: number;
  readonly meanPoints: number;
  /** Mean / max, 0…1; undefined without responses. */
  readonly difficulty?: number;
  /** Point-biserial item–rest correlation, −1…1; undefined when it cannot be computed. */
  readonly discrimination?: number;
  /** Choice items: how many candidates selected each option. */
  readonly optionCounts?: Readonly<Record<string, number>>;
}

export interface ItemStatisticsExport {
  readonly format: 'skillexam-item-stats';
  readonly version: 1;
  readonly examId: string;
  readonly sessionId: string;
  readonly generatedAt: string;
  readonly candidates: number;
  readonly items: readonly ItemStatistic[];
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function correlation(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  if (n < 3) return undefined;
  const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

function satResults(results: readonly CandidateResult[]): CandidateResult[] {
  return results.filter((result) => result.status === 'normal' && result.score !== undefined);
}

export function buildItemStatistics(
  keys: PaperAnswerKeys,
  results: readonly CandidateResult[],
): ItemStatistic[] {
  const sat = satResults(results).map((result) => ({
    result,
    scores: new Map(result.score?.items.map((item) => [item.itemId, item.score]) ?? []),
  }));
  return keys.sections.flatMap((section) =>
    section.items.map((item): ItemStatistic => {
      const itemScores: number[] = [];
      const restScores: number[] = [];
      let answered = 0;
      const optionCounts: Record<string, number> = {};
      for (const { result, scores } of sat) {
        const answer = result.answers?.get(item.itemId);
        if (answer !== undefined && answer !== null) {
          answered += 1;
          if (answer.kind === 'choice')
            for (const option of new Set(answer.selected))
              optionCounts[option] = (optionCounts[option] ?? 0) + 1;
        }
        const scored = scores.get(item.itemId);
        if (
          scored === undefined ||
          scored.status === 'needs_marking' ||
          result.score === undefined
        ) {
          continue;
        }
        itemScores.push(scored.points);
        restScores.push(result.score.total - scored.points);
      }
      const mean =
        itemScores.length === 0 ? 0 : itemScores.reduce((s, v) => s + v, 0) / itemScores.length;
      const discrimination = correlation(itemScores, restScores);
      const isChoice =
        item.answer.type === 'single_choice' || item.answer.type === 'multiple_choice';
      return {
        itemId: item.itemId,
        version: item.version,
        number: item.number,
        itemType: item.answer.type,
        maxPoints: section.pointsEach,
        responses: itemScores.length,
        answered,
        meanPoints: round(mean),
        ...(itemScores.length === 0 ? {} : { difficulty: round(mean / section.pointsEach) }),
        ...(discrimination === undefined ? {} : { discrimination: round(discrimination) }),
        ...(isChoice ? { optionCounts } : {}),
      };
    }),
  );
}

export function buildItemStatisticsExport(input: {
  readonly keys: PaperAnswerKeys;
  readonly sessionId: string;
  readonly results: readonly CandidateResult[];
  readonly generatedAt: Date;
}): ItemStatisticsExport {
  return {
    format: 'skillexam-item-stats',
    version: 1,
    examId: input.keys.paperId,
    sessionId: input.sessionId,
    generatedAt: input.generatedAt.toISOString(),
    candidates: satResults(input.results).length,
    items: buildItemStatistics(input.keys, input.results),
  };
}

/** Item × candidate points as CSV (UTF-8 with BOM for Excel); empty cell = awaiting marking. */
export function itemScoreMatrixCsv(
  keys: PaperAnswerKeys,
  results: readonly CandidateResult[],
): string {
  const items = keys.sections.flatMap((section) => section.items);
  const header = ['candidate', ...items.map((item) => `${item.itemId}@${item.version}`), 'total'];
  const rows = satResults(results).map((result, index) => {
    const byId = new Map(result.score?.items.map((item) => [item.itemId, item.score]) ?? []);
    return [
      `C${String(index + 1).padStart(4, '0')}`,
      ...items.map((item) => {
        const score = byId.get(item.itemId);
        return score === undefined || score.status === 'needs_marking' ? '' : String(score.points);
      }),
      String(result.score?.total ?? ''),
    ];
  });
  return `\ufeff${Papa.unparse([header, ...rows], { newline: '\r\n' })}\r\n`;
}
