import type { ImportPreview } from '@skillexam/shared';
import type { ColumnMapping, ItemFileFormat } from '../import-export/item-file-types';
import { parseItemFile } from '../import-export/parse-item-file';
import { importPreview } from '../imports/import-preview';
import { requireRole, type Actor } from './actor';
import { IMPORT_ROLES } from './import-item-file';

/*
 * 导入预览: the questions of an item file as the candidate will see them, with key and 解析,
 * before the import; the bank is not read or written. The same roles as importing.
 */

export interface PreviewItemFileRequest {
  readonly fileName: string;
  readonly format?: ItemFileFormat;
  readonly mapping?: ColumnMapping;
}

export async function previewItemFile(
  actor: Actor,
  bytes: Uint8Array,
  request: PreviewItemFileRequest,
): Promise<ImportPreview> {
  requireRole(actor, IMPORT_ROLES);
  const file = await parseItemFile(bytes, {
    fileName: request.fileName,
    ...(request.format === undefined ? {} : { format: request.format }),
    ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
  });
  return importPreview(file);
}
