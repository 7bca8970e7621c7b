export * from './answer-keys';
export * from './manual-marking';
export * from './normalize-answer-text';
export * from './round-points';
export * from './score-attempt';
export * from './score-item';
