export { analysisToJson, type AnalysisJson } from './analysis-json';
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
} from './responses-csv';
export { columnLetter, formatResponsesIssue, type ResponsesIssue } from './responses-issues';
export { writeResponsesCsv } from './write-responses-csv';
