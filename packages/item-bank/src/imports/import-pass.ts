import {
  contentAssetHashes,
  type ItemContent,
  type ReviewStatus,
  type TheoryLevelCode,
} from '@skillexam/shared';
import type { FileIssue, ItemFileStream, ParsedItem } from '../import-export/item-file-types';
import type { ItemServiceDeps } from '../items/item-service';
import { similarityText } from '../items/item-text';
import { ExactDuplicates, type ExactVerdict } from './exact-duplicates';
import type { PassProgress } from './import-progress';
import { NearDuplicates, type NearDuplicateKind, type NearMatch } from './near-duplicates';
import {
  issueAt,
  resolveParsedItem,
  usableExternalId,
  type ResolveOptions,
} from './resolve-parsed-item';
import { writeImportedItem, type AcceptedItem } from './write-imported-item';

/*
 * One pass of an import over a streamed item file (docs/decisions/0652): each item is resolved,
 * checked for exact copies and key conflicts, then for near duplicates, and — while the import
 * can still succeed — written at once; the caller runs the pass inside one transaction and rolls
 * it back when the import is refused or is a dry run. Only compact state is kept per item (the
 * duplicate indexes' signatures and bigram arrays, its id and place); never the parsed items.
 *
 * A key conflict makes BOTH rows unimportable, but the earlier row was already kept (and
 * written) when the later one shows up. The pass then asks for a second pass (`redo`) with
 * those earlier rows `excluded` from the start: they still take part in the exact check (so the
 * later row meets the same conflict) but are never kept, written or indexed as near duplicates —
 * exactly what the two-list importer did (docs/decisions/0631).
 */

export interface PassOptions extends ResolveOptions {
  readonly validOnly?: boolean;
  readonly actor: string;
}

/** What the report needs of a written item. */
export interface PassAccepted {
  readonly ref: string;
  readonly row?: number;
  readonly id: string;
  readonly isUpdate: boolean;
  readonly matches: readonly NearMatch[];
}

export interface PassResult {
  readonly issues: FileIssue[];
  /** Items the file held plus the rows its reader rejected. */
  readonly total: number;
  readonly accepted: PassAccepted[];
  readonly unchanged: number;
  readonly duplicates: number;
  /** Earlier rows of a key conflict (ref → where), skipped with the later row. */
  readonly conflicted: Map<string, { readonly item?: string; readonly row?: number }>;
  /** With `redo`: the refs the next pass must leave out. */
  readonly exclude: ReadonlySet<string>;
  readonly refOfId: Map<string, string>;
  /** A conflict hit a row this pass had kept: run again with `conflicted` excluded. */
  readonly redo: boolean;
  /** Whether the items were written (false once the import could no longer succeed). */
  readonly wrote: boolean;
}

/** An issue tied to one item (row, line or item ref); anything else concerns the whole file. */
export function isItemIssue(issue: FileIssue): boolean {
  return issue.row !== undefined || issue.line !== undefined || issue.item !== undefined;
}

export function locationKey(issue: {
  readonly item?: string | undefined;
  readonly row?: number | undefined;
  readonly line?: number | undefined;
}): string {
  return `${issue.item ?? ''}|${issue.row ?? ''}|${issue.line ?? ''}`;
}

/** Where an item is, without the file name: "第12行", "第3行（Q1）". */
function placeOf(item: ParsedItem, file: string): string {
  return placeOfRef(item.ref, file);
}

export function placeOfRef(ref: string, file: string): string {
  const rest = ref.startsWith(file) ? ref.slice(file.length).trim() : ref;
  return rest === '' ? ref : rest;
}

/** "题库中的试题 item-0001" needs a space before the next Chinese word; "第12行" does not. */
export function spaced(place: string): string {
  return /[\x21-\x7e]$/.test(place) ? `${place} ` : place;
}

function conflictReason(verdict: Extract<ExactVerdict, { kind: 'conflict' }>, place: string) {
  const [before, now] = verdict.keys;
  return verdict.with.bankId === undefined
    ? `${verdict.with.place}与${spaced(place)}题干和选项相同但答案不同（${before} / ${now}），两题都不导入；请核对答案后只保留正确的一题`
    : `${place}与${spaced(verdict.with.place)}题干和选项相同但答案不同（题库 ${before} / 本文件 ${now}），本题不导入；请核对答案`;
}

/** Items written together (docs/decisions/0652): short runs keep SQLite warm, items die young. */
const WRITE_BATCH = 64;
/** Entries between two pauses that let the event loop run (a cancel; docs/decisions/0943). */
const PAUSE_EVERY = 256;

/** What a pass reports to and how it lets the event loop run inside its transaction. */
export interface PassControl {
  readonly progress: PassProgress;
  readonly pause: () => Promise<void>;
}

export const NEAR_REASON: Record<NearDuplicateKind, string> = {
  variant: '只在数字、符号、单位或希腊字母上不同',
  'same-stem': '题干相同、选项不同',
  similar: '高度相似',
};

export async function runImportPass(
  deps: ItemServiceDeps,
  stream: ItemFileStream,
  file: string,
  options: PassOptions,
  excluded: ReadonlySet<string>,
  control: PassControl,
): Promise<PassResult> {
  const issues: FileIssue[] = [];
  const levelsByStandard = new Map(
    deps.standards.listStandards().map((s) => [s.id, s.levels as readonly TheoryLevelCode[]]),
  );
  const textsByPoint = new Map<string, { id: string; text: string }[]>();
  const bankView = {
    pointTexts: (pointId: string) => {
      let rows = textsByPoint.get(pointId);
      if (rows === undefined) {
        rows = deps.items.pointTexts(pointId);
        textsByPoint.set(pointId, rows);
      }
      return rows;
    },
    content: (id: string): ItemContent | undefined => deps.items.getItem(id),
  };
  const exact = new ExactDuplicates(bankView);
  const near = new NearDuplicates(bankView);
  const at = deps.clock();
  let fileError = false;
  let itemError = false;
  const reject = (issue: FileIssue) => {
    itemError = true;
    issues.push(issue);
  };
  const warn = (issue: FileIssue) => issues.push({ ...issue, severity: 'warning' });
  /** Writing stops once the import is sure to be refused (it is rolled back anyway). */
  const canSucceed = () => !fileError && (options.validOnly === true || !itemError);

  const conflicted = new Map<string, { item?: string; row?: number }>();
  const keptRefs = new Set<string>();
  const refOfId = new Map<string, string>();
  const accepted: PassAccepted[] = [];
  const storedAssets = new Set<string>();
  const readerErrorRows = new Set<string>();
  let items = 0;
  let unchanged = 0;
  let duplicates = 0;
  /** Items without a 鉴定点 code, put in their standard's 未分类 pool (docs/decisions/0640). */
  let unclassified = 0;
  let redo = false;
  let wrote = true;
  const exclude = new Set(excluded);

  const batch: { entry: AcceptedItem; matches: readonly NearMatch[] }[] = [];
  const keep = (entry: AcceptedItem) => {
    const matches = near.flag({
      scope: entry.pointId,
      id: entry.id,
      content: entry.content,
      text: entry.text,
    });
    refOfId.set(entry.id, entry.parsed.ref);
    accepted.push({
      ref: entry.parsed.ref,
      ...(entry.parsed.row === undefined ? {} : { row: entry.parsed.row }),
      id: entry.id,
      isUpdate: entry.isUpdate,
      matches,
    });
    if (!canSucceed()) {
      wrote = false;
      batch.length = 0;
      return;
    }
    batch.push({ entry, matches });
    if (batch.length >= WRITE_BATCH) flush();
  };
  /** Writes the batch: items are written in runs, which keeps SQLite's pages hot. */
  const flush = () => {
    for (const { entry, matches } of batch) {
      for (const hash of contentAssetHashes(entry.content)) {
        const asset = stream.assets.get(hash);
        if (asset === undefined || storedAssets.has(hash)) continue;
        storedAssets.add(hash);
        if (!deps.items.hasAsset(hash)) {
          deps.items.putAsset({ hash, mime: asset.mime, bytes: asset.bytes });
        }
      }
      writeImportedItem(deps, entry, matches, options.actor, at, file);
    }
    batch.length = 0;
  };

  let entries = 0;
  for (const entry of stream.entries) {
    control.progress.step();
    entries += 1;
    if (entries % PAUSE_EVERY === 0) await control.pause();
    if (entry.kind === 'issue') {
      const { issue } = entry;
      issues.push(issue);
      if (issue.severity !== 'error') continue;
      if (isItemIssue(issue)) {
        itemError = true;
        readerErrorRows.add(locationKey(issue));
      } else fileError = true;
      continue;
    }
    items += 1;
    const item = entry.item;
    const resolved = resolveParsedItem(
      deps.standards,
      item,
      file,
      options,
      (id) => levelsByStandard.get(id) ?? [],
    );
    if (!resolved.ok) {
      reject(resolved.issue);
      continue;
    }
    const { content, point } = resolved;
    if (resolved.unclassified) unclassified += 1;
    const externalId = usableExternalId(item);
    const existing = externalId === undefined ? undefined : deps.items.getMeta(externalId);
    const version = item.version ?? 1;
    if (existing !== undefined && version <= existing.version) {
      unchanged += 1;
      warn(
        issueAt(
          item,
          file,
          '版本',
          `题库中已有试题 ${existing.id} 第 ${existing.version} 版，跳过第 ${version} 版`,
        ),
      );
      continue;
    }
    const text = similarityText(content);
    const place = placeOf(item, file);
    const verdict = exact.check({
      scope: point.id,
      content,
      text,
      place,
      ref: item.ref,
      ...(externalId === undefined ? {} : { ownId: externalId }),
    });
    if (verdict.kind === 'copy') {
      duplicates += 1;
      warn(
        issueAt(
          item,
          file,
          '题干',
          `与${spaced(verdict.of.place)}完全相同（题型、题干、选项和答案），已跳过`,
        ),
      );
      continue;
    }
    if (verdict.kind === 'conflict') {
      reject(issueAt(item, file, '答案', conflictReason(verdict, place)));
      const partner = verdict.with.ref;
      if (partner !== undefined && keptRefs.has(partner)) {
        redo = true;
        exclude.add(partner);
      }
      continue;
    }
    if (excluded.has(item.ref)) {
      conflicted.set(item.ref, {
        item: item.ref,
        ...(item.row === undefined ? {} : { row: item.row }),
      });
      continue;
    }
    keptRefs.add(item.ref);
    keep({
      parsed: item,
      content,
      standardId: point.standardId,
      pointId: point.id,
      id: externalId ?? deps.newId(),
      version,
      status: (item.status ?? 'draft') satisfies ReviewStatus,
      isUpdate: existing !== undefined,
      text,
    });
  }
  if (unclassified > 0) {
    warn({
      file,
      field: '鉴定点代码',
      reason: `${unclassified} 题没有鉴定点代码，归入“未分类”：在分类队列中归入鉴定点后才能审核和组卷（qbank classify queue）`,
      severity: 'warning',
    });
  }
  if (canSucceed()) flush();
  control.progress.end();
  return {
    issues,
    total: items + readerErrorRows.size,
    accepted,
    unchanged,
    duplicates,
    conflicted,
    exclude,
    refOfId,
    redo,
    wrote,
  };
}
