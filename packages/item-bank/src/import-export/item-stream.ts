import type {
  ItemFileFormat,
  ItemStreamEntry,
  ParsedAsset,
  ParsedItemFile,
  FileIssue,
  ParsedItem,
} from './item-file-types';

/*
 * Between the two shapes of a read file: a stream of entries (what the table readers produce
 * row by row) and the whole ParsedItemFile (what the other readers produce and what callers
 * that want the full list, e.g. the desktop wizard's preview, take).
 */

export function collectEntries(
  format: ItemFileFormat,
  assets: Map<string, ParsedAsset>,
  entries: Iterable<ItemStreamEntry>,
): ParsedItemFile {
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  for (const entry of entries) {
    if (entry.kind === 'item') items.push(entry.item);
    else issues.push(entry.issue);
  }
  return { format, items, assets, issues };
}

/** A whole file as a stream: its issues first (file order is not known across the two lists). */
export function* fileEntries(
  file: ParsedItemFile,
  read: { items: number } = { items: 0 },
): Generator<ItemStreamEntry> {
  for (const issue of file.issues) yield { kind: 'issue', issue };
  for (const item of file.items) {
    read.items += 1;
    yield { kind: 'item', item };
  }
}
