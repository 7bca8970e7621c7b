import type { AuthorRole, Progress } from '@skillexam/shared';
import type { ItemFileSource } from '../import-export/byte-source';
import type { ColumnMapping, ItemFileFormat } from '../import-export/item-file-types';
import type { ItemServiceDeps } from '../items/item-service';
import { importItems } from '../imports/import-items';
import type { ImportedNearDuplicate, ImportReport } from '../imports/import-report';
import { requireRole, type Actor } from './actor';

/*
 * 导入试题文件: an item file (xlsx, csv, QTI, Moodle XML, GIFT, bank package, docx) into the bank,
 * or a dry run that goes through the very same steps and writes nothing. Importing writes items,
 * so it needs a 命题人员 or a 题库管理员, for the dry run too. `qbank import` and the workbench's
 * `bank:import-items` both come here; the engine is imports/import-items.ts.
 */

export const IMPORT_ROLES: readonly AuthorRole[] = ['writer', 'admin'];

/** What both front doors ask for; the file itself comes as bytes or as a file to stream. */
export interface ImportItemFileRequest {
  /** Shown in the report and in every issue ("items.xlsx 第12行"); also picks the format. */
  readonly fileName: string;
  /** The format; absent: from the file name and content. */
  readonly format?: ItemFileFormat;
  readonly mapping?: ColumnMapping;
  /** Check and report only: the same counts and refusal as the real import, the bank untouched. */
  readonly dryRun: boolean;
  /** Import the valid items and list every skipped one; otherwise one bad item refuses the file. */
  readonly validOnly: boolean;
  /** Standard whose 鉴定点 codes apply and whose 未分类 pool takes items without a code. */
  readonly standardId?: string;
  /** 鉴定点 code for items without one (blank: none, they go to the 未分类 pool). */
  readonly defaultPointCode?: string;
  /** Gets every near-duplicate pair, listed in the report or not (the full list, streamed). */
  readonly onNearDuplicate?: (pair: ImportedNearDuplicate) => void;
  /**
   * Progress from the work (docs/decisions/0941): the file read (bytes, or items for formats
   * read whole), then the near-duplicate index; cancelling throws CancelledError and the bank
   * is left as it was.
   */
  readonly progress?: Progress;
}

/**
 * Imports (or dry-runs) an item file as `actor`, all or nothing (with `validOnly`: the valid
 * items). A refusal is in the report (`refused`, `issues`); a missing role throws FORBIDDEN and
 * leaves the bank unchanged.
 */
export async function importItemFile(
  deps: ItemServiceDeps,
  actor: Actor,
  source: ItemFileSource,
  request: ImportItemFileRequest,
): Promise<ImportReport> {
  const who = requireRole(actor, IMPORT_ROLES);
  const pointCode = request.defaultPointCode?.trim() ?? '';
  return importItems(deps, source, {
    fileName: request.fileName,
    actor: who,
    dryRun: request.dryRun,
    validOnly: request.validOnly,
    ...(request.format === undefined ? {} : { format: request.format }),
    ...(request.mapping === undefined ? {} : { mapping: request.mapping }),
    ...(request.standardId === undefined ? {} : { standardId: request.standardId }),
    ...(pointCode === '' ? {} : { defaultPointCode: pointCode }),
    ...(request.onNearDuplicate === undefined ? {} : { onNearDuplicate: request.onNearDuplicate }),
    ...(request.progress === undefined ? {} : { progress: request.progress }),
  });
}
