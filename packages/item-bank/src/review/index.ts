export * from './review-workflow';
export * from './review-service';
