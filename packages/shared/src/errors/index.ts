export * from './error-message';
export * from './invalid-input-error';
