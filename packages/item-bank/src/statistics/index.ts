export { analysisToJson, type AnalysisJson, type AnalysisScoring } from './analysis-json';
export {
  analyzeResponseFile,
  DEFAULT_GROUP_FRACTION,
  describeScoring,
  type AnalyzedFile,
  type ScoringOptions,
} from './analyze-response-file';
export { keyLettersOf } from './bank-keys';
export { itemStatisticsHistory } from './item-statistics-history';
export type * from './statistics-store';
export { analysisToWorkbook } from './analysis-workbook';
export {
  toItemStatisticsUpdates,
  UnknownItemColumnsError,
  type ItemStatisticsUpdate,
} from './item-statistics-updates';
export { parseOptionLetters } from './response-cells';
export {
  parseResponsesCsv,
  type ParsedResponses,
  type ParseResponsesOptions,
  type ResponsesIdentity,
} from './responses-csv';
export { columnLetter, formatResponsesIssue, type ResponsesIssue } from './responses-issues';
export { writeResponsesCsv } from './write-responses-csv';
