export * from './item-file-types';
export { detectItemFileFormat } from './detect-format';
export { openItemFileStream, parseItemFile } from './parse-item-file';
export type { ByteSource, ByteSourceFile, ItemFileSource } from './byte-source';
export { writeItemFile, type WriteItemFileOptions } from './write-item-file';
export { writeItemTemplate } from './xlsx-writer';
export {
  TABLE_FIELD_HEADERS,
  TABLE_FIELDS,
  TEMPLATE_FIELDS,
  TEMPLATE_HEADERS,
  type TableField,
  type TemplateField,
} from './column-mapping';
export { DEFAULT_ZIP_LIMITS, readZipSafely, type ZipLimits } from './safe-zip-reader';
