export * from './protocol/index';
export * from './domain/index';
export * from './content/index';
export * from './i18n/index';
export * from './scoring/index';
export * from './migrations/index';
export * from './statistics/index';
export * from './random/seeded-random';
