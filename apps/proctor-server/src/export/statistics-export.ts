import { analysisToJson, writeResponsesCsv } from '@skillexam/item-bank/statistics';
import {
  analyzeResponses,
  silentProgress,
  type MultipleChoiceScoring,
  type PaperAnswerKeys,
  type Progress,
  type ResponseMatrix,
} from '@skillexam/shared';

/*
 * The statistics export for the bank: the anonymous response file that `qbank analyze` and
 * `qbank stats import` read, naming its administration (#考试 = the paper id, #场次, #日期) so the
 * bank records it once, and its analysis with the scoring options the server used.
 */

/** The server's upper/lower group share, as in the console's results (analyzeResponses' default). */
const GROUP_FRACTION = 0.27;

/** How the paper scored 多选题: its multiple-choice section's policy. */
export function multipleChoiceScoringOf(keys: PaperAnswerKeys): MultipleChoiceScoring {
  const section = keys.sections.find((s) => s.itemType === 'multiple_choice');
  return section?.scoringPolicy ?? 'all_or_nothing';
}

/** YYYY-MM-DD in China time (UTC+8), as the printed results give the exam time. */
function chinaDate(epochMs: number): string {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The response file, naming its administration (#考试, #场次, #日期). */
export function responsesCsvOf(
  matrix: ResponseMatrix,
  keys: PaperAnswerKeys,
  session: { readonly id: string; readonly startsAt: number },
): string {
  return writeResponsesCsv(matrix, '考生', {
    examId: keys.paperId,
    sessionId: session.id,
    administeredOn: chinaDate(session.startsAt),
  });
}

/** Its analysis, with the scoring options the server used. */
export function analysisJsonOf(matrix: ResponseMatrix, keys: PaperAnswerKeys): string {
  const scoring = {
    multipleChoiceScoring: multipleChoiceScoringOf(keys),
    groupFraction: GROUP_FRACTION,
  };
  const analysis = analyzeResponses(matrix, { groupFraction: GROUP_FRACTION });
  return JSON.stringify(analysisToJson(analysis, scoring), null, 2);
}

export function statisticsExport(
  matrix: ResponseMatrix,
  keys: PaperAnswerKeys,
  session: { readonly id: string; readonly startsAt: number },
  options: { readonly progress?: Progress; readonly label?: string } = {},
): { readonly responsesCsv: string; readonly analysisJson: string } {
  // two units: the response file, then its analysis
  const { progress = silentProgress, label } = options;
  const phase = progress.phase('analysing', {
    total: 2,
    unit: 'files',
    ...(label === undefined ? {} : { label }),
  });
  const responsesCsv = responsesCsvOf(matrix, keys, session);
  phase.advance();
  const analysisJson = analysisJsonOf(matrix, keys);
  phase.advance();
  phase.end();
  return { responsesCsv, analysisJson };
}
