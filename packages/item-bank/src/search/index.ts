export { normalizeText } from './normalize-text';
export { planQuery, type TermPlan } from './search-plan';
export * from './search-types';
export * from './search-items';
