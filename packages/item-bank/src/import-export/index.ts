export * from './item-file-types';
export { detectItemFileFormat } from './detect-format';
export { parseItemFile } from './parse-item-file';
export { writeItemFile, type WriteItemFileOptions } from './write-item-file';
export { writeItemTemplate } from './xlsx-writer';
export { TEMPLATE_FIELDS, TEMPLATE_HEADERS, type TemplateField } from './column-mapping';
export { DEFAULT_ZIP_LIMITS, readZipSafely, type ZipLimits } from './safe-zip-reader';
