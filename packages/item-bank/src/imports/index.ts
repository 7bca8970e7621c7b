export * from './import-report';
export { importItems, type ImportItemsOptions } from './import-items';
export * from './export-items';
