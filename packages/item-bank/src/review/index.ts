export * from './review-workflow';
export * from './review-service';
export * from './bulk-review';
export * from './id-list';
