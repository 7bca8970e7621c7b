import type { AuthorRole, Progress } from '@skillexam/shared';
import { importStandardFile, type ImportStandardReport } from '../standards/import-standard';
import type { StandardStore } from '../standards/standard-store';
import { requireRole, type Actor } from './actor';

/*
 * 职业技能标准: importing a standard (JSON or the Excel 细目表 template) changes what every item
 * is filed under, so it needs a 题库管理员. Reading standards needs no role.
 */

export const STANDARD_ROLES: readonly AuthorRole[] = ['admin'];

/** Imports a standard file, all or nothing (a bad file throws StandardImportError). */
export async function importStandard(
  deps: { readonly standards: StandardStore; readonly clock: () => string },
  actor: Actor,
  bytes: Uint8Array,
  fileName: string,
  options: { readonly progress?: Progress } = {},
): Promise<ImportStandardReport> {
  requireRole(actor, STANDARD_ROLES);
  return importStandardFile(deps.standards, bytes, fileName, deps.clock(), options);
}
