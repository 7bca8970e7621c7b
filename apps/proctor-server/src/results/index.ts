export * from './answer-sheet-pdf';
export * from './build-results-payload';
export * from './candidate-result';
export * from './format-answer';
export * from './score-summary-xlsx';
