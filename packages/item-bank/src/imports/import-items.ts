// dedupe-semantics: done
import { silentProgress, type Progress } from '@skillexam/shared';
import type { ItemFileSource } from '../import-export/byte-source';
import type { ColumnMapping, FileIssue, ItemFileFormat } from '../import-export/item-file-types';
import { openItemFileStream } from '../import-export/parse-item-file';
import type { ItemServiceDeps } from '../items/item-service';
import type { ImportedNearDuplicate, ImportReport } from './import-report';
import { isItemIssue, locationKey, runImportPass, type PassResult } from './import-pass';
import { passProgress } from './import-progress';
import { nearDuplicateReport, unlisted } from './near-duplicate-report';
import type { ResolveOptions } from './resolve-parsed-item';

export interface ImportItemsOptions extends ResolveOptions {
  readonly fileName: string;
  readonly format?: ItemFileFormat;
  readonly mapping?: ColumnMapping;
  /** Check and report only; the bank is not touched. */
  readonly dryRun?: boolean;
  /** Import the valid items and list every skipped one (still one transaction). */
  readonly validOnly?: boolean;
  readonly actor: string;
  /**
   * Gets every near-duplicate pair, listed in the report or not, in file order (the full list;
   * `qbank import --near-duplicates-file` writes it as it comes). Not called when refused.
   */
  readonly onNearDuplicate?: (pair: ImportedNearDuplicate) => void;
  /** Progress from the work (docs/decisions/0941); cancelling rolls the import back. */
  readonly progress?: Progress;
}

/** Thrown inside the transaction to undo a pass (refused import, dry run, or a pass to redo). */
class RollBack extends Error {}

/**
 * Imports an item file all-or-nothing (docs/decisions/0106): parse (the format readers in
 * import-export/) → bind 鉴定点 codes → validate → exact copies and key conflicts, then near
 * duplicates, within the file and against the bank (docs/decisions/0631, 0632) → ONE
 * transaction. Without `validOnly` any rejected item refuses the whole import; with it the
 * valid items go in and every skipped one is listed. A dry run goes through the very same
 * steps, so its report has the real import's counts (docs/decisions/0633).
 *
 * The file is streamed (docs/decisions/0652): `source` is its bytes or a file to open, items
 * are read one at a time and written inside the one transaction as they come; a refused import
 * and a dry run roll it back. Memory holds compact per-item state, not the parsed file.
 *
 * Progress (docs/decisions/0941): `reading` while the file is opened (a whole-file format is
 * parsed then), the pass as one phase, `indexing` while near duplicates are clustered. The
 * transaction spans the pass's pauses (docs/decisions/0943), so a cancel — CancelledError from
 * the progress — rolls everything back, the near-duplicate list included.
 */
export async function importItems(
  deps: ItemServiceDeps,
  source: ItemFileSource,
  options: ImportItemsOptions,
): Promise<ImportReport> {
  const file = options.fileName;
  const progress = options.progress ?? silentProgress;
  const dryRun = options.dryRun === true;
  let excluded: ReadonlySet<string> = new Set();
  for (let attempt = 1; ; attempt += 1) {
    const reading = progress.phase('reading', { label: file });
    const stream = await openItemFileStream(source, {
      fileName: file,
      ...(options.format === undefined ? {} : { format: options.format }),
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    });
    reading.end();
    const label = attempt === 1 ? file : `${file}（第 ${attempt} 遍）`;
    let pass: PassResult | undefined;
    let report: ImportReport | undefined;
    try {
      await deps.items.transactionAsync(async (pause) => {
        const control = {
          progress: passProgress(progress, stream.meter, { dryRun, label }),
          pause,
        };
        pass = await runImportPass(deps, stream, file, options, excluded, control);
        if (pass.redo) throw new RollBack();
        const refused = isRefused(pass, options);
        const committed = !refused && !dryRun && pass.accepted.length > 0;
        const indexing = progress.phase('indexing', { total: pass.accepted.length });
        report = buildReport(pass, stream.format, options, refused, committed);
        indexing.advance(pass.accepted.length);
        indexing.end();
        if (!committed || !pass.wrote) throw new RollBack();
      });
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    if (pass === undefined) throw new Error('import pass did not run');
    if (pass.redo && attempt === 1) {
      excluded = pass.exclude;
      continue;
    }
    if (pass.redo) throw new Error('import: key conflicts changed between passes');
    if (report === undefined) throw new Error('import report was not built');
    return report;
  }
}

function skippedCount(pass: PassResult): number {
  const itemErrors = pass.issues.filter(
    (issue) => issue.severity === 'error' && isItemIssue(issue),
  );
  return new Set([
    ...itemErrors.map(locationKey),
    ...[...pass.conflicted.values()].map((where) => locationKey(where)),
  ]).size;
}

function isRefused(pass: PassResult, options: ImportItemsOptions): boolean {
  const fileErrors = pass.issues.some((issue) => issue.severity === 'error' && !isItemIssue(issue));
  const skipped = skippedCount(pass);
  return fileErrors || (skipped > 0 && (options.validOnly !== true || pass.accepted.length === 0));
}

function buildReport(
  pass: PassResult,
  format: ItemFileFormat,
  options: ImportItemsOptions,
  refused: boolean,
  committed: boolean,
): ImportReport {
  const { accepted } = pass;
  const found = nearDuplicateReport(
    pass,
    options.fileName,
    refused ? undefined : options.onNearDuplicate,
  );
  const { warnings, ...nearDuplicates } = refused ? unlisted(found) : found;
  const issues = [...pass.issues, ...warnings];
  sortByRow(issues);
  return {
    file: options.fileName,
    format,
    dryRun: options.dryRun === true,
    validOnly: options.validOnly === true,
    committed,
    refused,
    total: pass.total,
    imported: refused ? 0 : accepted.filter((entry) => !entry.isUpdate).length,
    updated: refused ? 0 : accepted.filter((entry) => entry.isUpdate).length,
    unchanged: pass.unchanged,
    duplicates: pass.duplicates,
    skipped: skippedCount(pass),
    valid: accepted.length,
    issues,
    importedIds: refused ? [] : accepted.map((entry) => entry.id),
    ...nearDuplicates,
  };
}

/** Table files: file-level issues first, then row by row (near duplicates are found last). */
function sortByRow(issues: FileIssue[]): void {
  if (!issues.every((issue) => issue.row !== undefined || !isItemIssue(issue))) return;
  issues.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}
