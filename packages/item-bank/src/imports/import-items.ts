import type { ItemContent, ReviewStatus, TheoryLevelCode } from '@skillexam/shared';
import { parseItemFile } from '../import-export/parse-item-file';
import type {
  ColumnMapping,
  FileIssue,
  ItemFileFormat,
  ParsedItem,
  ParsedItemFile,
} from '../import-export/item-file-types';
import { storeAssets, type ItemServiceDeps } from '../items/item-service';
import type { ItemWrite } from '../items/item-store';
import { contentAssetHashes } from '../items/item-validation';
import { readableItemText, searchText, similarityText } from '../items/item-text';
import { bigramSet, findSimilar, type SimilarityCandidate } from '../items/similarity';
import { wordRuns } from '../search/normalize-text';
import type { ImportedNearDuplicate, ImportReport } from './import-report';
import {
  issueAt,
  resolveParsedItem,
  usableExternalId,
  type ResolveOptions,
} from './resolve-parsed-item';

export interface ImportItemsOptions extends ResolveOptions {
  readonly fileName: string;
  readonly format?: ItemFileFormat;
  readonly mapping?: ColumnMapping;
  /** Check and report only; the bank is not touched. */
  readonly dryRun?: boolean;
  /** Import the valid items and list every skipped one (still one transaction). */
  readonly validOnly?: boolean;
  readonly actor: string;
}

interface Accepted {
  readonly parsed: ParsedItem;
  readonly content: ItemContent;
  readonly standardId: string;
  readonly id: string;
  readonly version: number;
  readonly status: ReviewStatus;
  readonly isUpdate: boolean;
  readonly text: string;
  readonly matches: { id: string; similarity: number }[];
}

/** An issue tied to one item (row, line or item ref); anything else concerns the whole file. */
function isItemIssue(issue: FileIssue): boolean {
  return issue.row !== undefined || issue.line !== undefined || issue.item !== undefined;
}

/**
 * Imports an item file all-or-nothing (docs/decisions/0106): parse (formats engineer's
 * readers) → bind 鉴定点 codes → validate → exact and near duplicates within the file and
 * against the bank → ONE transaction. Without `validOnly` any rejected item refuses the whole
 * import; with it the valid items go in and every skipped one is listed.
 */
export async function importItems(
  deps: ItemServiceDeps,
  bytes: Uint8Array,
  options: ImportItemsOptions,
): Promise<ImportReport> {
  const file = options.fileName;
  const parsed: ParsedItemFile = await parseItemFile(bytes, {
    fileName: file,
    ...(options.format === undefined ? {} : { format: options.format }),
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
  });
  const issues: FileIssue[] = [...parsed.issues];
  const levelsByStandard = new Map(
    deps.standards.listStandards().map((s) => [s.id, s.levels as readonly TheoryLevelCode[]]),
  );
  const pointCache = new Map<string, SimilarityCandidate[]>();
  const exactCache = new Map<string, Map<string, string>>();
  const candidatesOf = (pointId: string) => {
    let list = pointCache.get(pointId);
    if (list === undefined) {
      const rows = deps.items.pointTexts(pointId);
      list = rows.map((row) => ({ id: row.id, grams: bigramSet(row.text) }));
      exactCache.set(pointId, new Map(rows.map((row) => [exactForm(row.text), row.id])));
      pointCache.set(pointId, list);
    }
    return { near: list, exact: exactCache.get(pointId) ?? new Map<string, string>() };
  };
  const reject = (issue: FileIssue) => issues.push(issue);

  const accepted: Accepted[] = [];
  let unchanged = 0;
  const seenInFile = new Map<string, string>();
  for (const item of parsed.items) {
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
    const externalId = usableExternalId(item);
    const existing = externalId === undefined ? undefined : deps.items.getMeta(externalId);
    const version = item.version ?? 1;
    if (existing !== undefined && version <= existing.version) {
      unchanged += 1;
      issues.push({
        ...issueAt(
          item,
          file,
          '版本',
          `题库中已有试题 ${existing.id} 第 ${existing.version} 版，跳过第 ${version} 版`,
        ),
        severity: 'warning',
      });
      continue;
    }
    const text = similarityText(content);
    const exactKey = `${point.id}\u0000${content.type}\u0000${exactForm(text)}`;
    const inFile = seenInFile.get(exactKey);
    if (inFile !== undefined) {
      reject(issueAt(item, file, '题干', `与本文件中的 ${inFile} 完全重复`));
      continue;
    }
    const { near, exact } = candidatesOf(point.id);
    const bankTwin = exact.get(exactForm(text));
    if (bankTwin !== undefined && bankTwin !== externalId) {
      reject(issueAt(item, file, '题干', `与题库中已有试题 ${bankTwin} 完全重复`));
      continue;
    }
    const grams = bigramSet(text);
    const id = externalId ?? deps.newId();
    const matches = findSimilar(
      grams,
      near.filter((candidate) => candidate.id !== id),
    );
    for (const match of matches) {
      issues.push({
        ...issueAt(
          item,
          file,
          '题干',
          `与试题 ${match.id} 高度相似（相似度 ${match.similarity}），已标记为疑似重复`,
        ),
        severity: 'warning',
      });
    }
    seenInFile.set(exactKey, item.ref);
    near.push({ id, grams });
    exact.set(exactForm(text), id);
    accepted.push({
      parsed: item,
      content,
      standardId: point.standardId,
      id,
      version,
      status: item.status ?? 'draft',
      isUpdate: existing !== undefined,
      text,
      matches,
    });
  }

  const fileErrors = issues.filter((issue) => issue.severity === 'error' && !isItemIssue(issue));
  const itemErrors = issues.filter((issue) => issue.severity === 'error' && isItemIssue(issue));
  const skipped = countRows(itemErrors);
  const refused = fileErrors.length > 0 || (itemErrors.length > 0 && options.validOnly !== true);
  const nearDuplicates: ImportedNearDuplicate[] = accepted.flatMap((entry) =>
    entry.matches.map((match) => ({
      ref: entry.parsed.ref,
      itemId: entry.id,
      otherItemId: match.id,
      similarity: match.similarity,
    })),
  );
  const report = (committed: boolean): ImportReport => ({
    file,
    format: parsed.format,
    dryRun: options.dryRun === true,
    validOnly: options.validOnly === true,
    committed,
    total:
      parsed.items.length +
      countRows(parsed.issues.filter((i) => i.severity === 'error' && isItemIssue(i))),
    imported: refused ? 0 : accepted.filter((entry) => !entry.isUpdate).length,
    updated: refused ? 0 : accepted.filter((entry) => entry.isUpdate).length,
    unchanged,
    skipped,
    issues,
    importedIds: refused ? [] : accepted.map((entry) => entry.id),
    nearDuplicates: refused ? [] : nearDuplicates,
  });
  if (refused || options.dryRun === true || accepted.length === 0) return report(false);

  const at = deps.clock();
  const needed = new Set(accepted.flatMap((entry) => contentAssetHashes(entry.content)));
  deps.items.transaction(() => {
    for (const hash of needed) {
      const asset = parsed.assets.get(hash);
      if (asset !== undefined && !deps.items.hasAsset(hash)) {
        deps.items.putAsset({ hash, mime: asset.mime, bytes: asset.bytes });
      }
    }
    for (const entry of accepted) writeAccepted(deps, entry, options.actor, at, file);
    for (const entry of accepted) {
      if (entry.matches.length === 0) continue;
      deps.items.replaceDuplicateFlags(
        entry.id,
        entry.matches.map((match) => ({
          itemId: entry.id,
          otherItemId: match.id,
          similarity: match.similarity,
          detectedAt: at,
        })),
      );
    }
  });
  return report(true);
}

/** Exact duplicates ignore punctuation, spaces and character width. */
function exactForm(normalized: string): string {
  return wordRuns(normalized).join('');
}

function countRows(issues: readonly FileIssue[]): number {
  return new Set(
    issues.map((issue) => `${issue.item ?? ''}|${issue.row ?? ''}|${issue.line ?? ''}`),
  ).size;
}

function writeAccepted(
  deps: ItemServiceDeps,
  entry: Accepted,
  actor: string,
  at: string,
  file: string,
): void {
  const { content } = entry;
  storeAssets(deps.items, content, []);
  const write: ItemWrite = {
    id: entry.id,
    version: entry.version,
    status: entry.status,
    content,
    standardId: entry.standardId,
    author: actor,
    actor,
    at,
    note: `导入自 ${file}`,
    tags: [...new Set(entry.parsed.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))],
    ...(entry.parsed.source === undefined ? {} : { source: entry.parsed.source }),
    ...(entry.parsed.enemyGroup === undefined ? {} : { enemyGroup: entry.parsed.enemyGroup }),
    readableText: readableItemText(content),
    searchText: searchText(content),
    similarityText: entry.text,
  };
  if (entry.isUpdate) deps.items.insertVersion(write);
  else deps.items.insertItem(write);
  if (entry.status === 'approved' || entry.status === 'retired') {
    deps.items.sealVersion(entry.id, entry.version);
  }
  deps.items.addReviewEvent({
    itemId: entry.id,
    version: entry.version,
    to: entry.status,
    actor,
    at,
    comment: `导入：${entry.parsed.ref}`,
  });
}
