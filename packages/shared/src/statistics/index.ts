export * from './analyze-responses';
export * from './descriptive';
export * from './item-analysis';
export * from './item-flags';
export * from './response-matrix';
export * from './score-groups';
export * from './session-responses';
