import type {
  AnalysisResult,
  ItemStatistics,
  MultipleChoiceScoring,
  TestStatistics,
} from '@skillexam/shared';

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
  /** How the scores were computed and where the keys came from, when the caller says. */
  readonly scoring?: AnalysisScoring;
}

/** The scoring options of an analysis (the proctor server's, or `qbank analyze`'s). */
export interface AnalysisScoring {
  readonly multipleChoiceScoring: MultipleChoiceScoring;
  readonly groupFraction: number;
  readonly keysFromFile?: number;
  readonly keysFromBank?: number;
}

export function analysisToJson(result: AnalysisResult, scoring?: AnalysisScoring): AnalysisJson {
  return {
    format: 'item-analysis',
    version: 1,
    ...(scoring === undefined ? {} : { scoring }),
    test: result.test,
    items: result.items,
    candidates: result.candidateIds.map((id, c) => ({ id, total: result.totals[c] ?? 0 })),
  };
}
