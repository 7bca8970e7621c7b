export * from './exam-codes';
export * from './parse-roster';
export * from './roster-columns';
