export * from './standard-document';
export * from './standard-issue';
export * from './standard-store';
export * from './unclassified-pool';
export {
  importanceMix,
  importanceMixWarnings,
  validateStandard,
  IMPORTANCE_GUIDANCE,
  type ImportanceMix,
} from './validate-standard';
export { readStandardJson, type ReadStandardResult } from './read-standard-json';
export { readStandardXlsx } from './read-standard-xlsx';
export { writeStandardXlsx } from './write-standard-xlsx';
export {
  importStandardFile,
  readStandardFile,
  saveStandard,
  StandardImportError,
  type ImportStandardReport,
} from './import-standard';
