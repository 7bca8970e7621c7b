import type { AnalysisResult, ItemStatistics, TestStatistics } from '@skillexam/shared';

/*
 * The JSON form of an analysis (`qbank analyze --json`): versioned, plain arrays instead of
 * typed arrays, undefined statistics left out. Rates are fractions in [0, 1], not percentages;
 * Moodle's index and efficiency are on Moodle's 0–100 scale.
 */

export interface AnalysisJson {
  readonly format: 'item-analysis';
  readonly version: 1;
  readonly test: TestStatistics;
  readonly items: readonly ItemStatistics[];
  readonly candidates: readonly { readonly id: string; readonly total: number }[];
}

export function analysisToJson(result: AnalysisResult): AnalysisJson {
  return {
    format: 'item-analysis',
    version: 1,
    test: result.test,
    items: result.items,
    candidates: result.candidateIds.map((id, c) => ({ id, total: result.totals[c] ?? 0 })),
  };
}
