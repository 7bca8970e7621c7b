import {
  analyzeResponses,
  InvalidInputError,
  silentProgress,
  type Progress,
  type AnalysisResult,
  type MultipleChoiceScoring,
  type OptionId,
  type ResponseMatrix,
} from '@skillexam/shared';
import { formatResponsesIssue } from './responses-issues';
import {
  parseResponsesCsv,
  type ParseResponsesOptions,
  type ResponsesIdentity,
} from './responses-csv';
import type { ScoringUsed } from './statistics-store';

/*
 * A response file → its item analysis, with the scoring options the proctor server uses
 * (multiple-choice partial credit, the upper/lower group fraction) and a record of which were
 * used and where the keys came from. `qbank analyze` and `stats import` both go through here.
 */

export interface ScoringOptions {
  readonly multipleChoiceScoring?: MultipleChoiceScoring;
  /** Share of candidates in each of the upper and lower groups, (0, 0.5]; default 0.27. */
  readonly groupFraction?: number;
}

export const DEFAULT_GROUP_FRACTION = 0.27;

export interface AnalyzedFile {
  readonly result: AnalysisResult;
  /** What was read (the form the file's identity is computed from). */
  readonly matrix: ResponseMatrix;
  readonly scoring: ScoringUsed;
  readonly identity: ResponsesIdentity;
  readonly fileKeys: ReadonlyMap<string, readonly OptionId[]>;
}

export function analyzeResponseFile(
  bytes: Uint8Array,
  fileName: string,
  scoring: ScoringOptions,
  keys: Pick<ParseResponsesOptions, 'keys' | 'resolveKeys'> = {},
  options: { readonly progress?: Progress } = {},
): AnalyzedFile {
  const progress = options.progress ?? silentProgress;
  const groupFraction = scoring.groupFraction ?? DEFAULT_GROUP_FRACTION;
  if (!(groupFraction > 0 && groupFraction <= 0.5)) {
    throw new InvalidInputError(
      `高低分组比例应在 0 与 0.5 之间（如 0.27），实际为 ${groupFraction} (group fraction must be in (0, 0.5])`,
    );
  }
  const multipleChoiceScoring = scoring.multipleChoiceScoring ?? 'all_or_nothing';
  // The file is parsed whole (a matrix): `reading` ends with the candidates' rows counted.
  const reading = progress.phase('reading', { label: fileName, unit: 'rows' });
  const parsed = parseResponsesCsv(bytes, { fileName, multipleChoiceScoring, ...keys });
  if (parsed.ok) reading.advance(parsed.matrix.candidateIds.length);
  reading.end();
  if (!parsed.ok) {
    throw new InvalidInputError(
      `作答数据有误，未做任何分析：\n${parsed.issues.map(formatResponsesIssue).join('\n')}`,
      { issues: parsed.issues },
    );
  }
  const keyed = parsed.matrix.items.filter((item) => item.key !== undefined);
  const items = parsed.matrix.items.length;
  const analysing = progress.phase('analysing', { label: fileName, total: items });
  const result = analyzeResponses(parsed.matrix, { groupFraction });
  analysing.advance(items);
  analysing.end();
  return {
    result,
    matrix: parsed.matrix,
    scoring: {
      multipleChoiceScoring,
      groupFraction,
      keysFromFile: keyed.filter((item) => parsed.fileKeys.has(item.id)).length,
      keysFromBank: keyed.filter((item) => !parsed.fileKeys.has(item.id)).length,
    },
    identity: parsed.identity,
    fileKeys: parsed.fileKeys,
  };
}

const SCORING_NAMES: Record<MultipleChoiceScoring, string> = {
  all_or_nothing: '多选题全对才得分 (all_or_nothing)',
  partial: '多选题少选按比例得分、错选不得分 (partial)',
};

/** 「计分：…；高低分组各 27%；答案：文件 3 题，题库 5 题」 */
export function describeScoring(scoring: ScoringUsed): string {
  return [
    `计分：${SCORING_NAMES[scoring.multipleChoiceScoring]}`,
    `高低分组各 ${Math.round(scoring.groupFraction * 1000) / 10}%`,
    `答案来自文件 ${scoring.keysFromFile} 题、题库 ${scoring.keysFromBank} 题`,
  ].join('；');
}
