import type { ItemContent, ReviewStatus } from '@skillexam/shared';
import type { ParsedItem } from '../import-export/item-file-types';
import { storeAssets, type ItemServiceDeps } from '../items/item-service';
import type { ItemWrite } from '../items/item-store';
import { readableItemText, searchText } from '../items/item-text';
import type { NearMatch } from './near-duplicates';

/*
 * Writes one imported item (new item or new version), its review event and its near-duplicate
 * flags. Called inside the import's transaction, item by item, as the file streams by.
 */

export interface AcceptedItem {
  readonly parsed: ParsedItem;
  readonly content: ItemContent;
  readonly standardId: string;
  readonly pointId: string;
  readonly id: string;
  readonly version: number;
  readonly status: ReviewStatus;
  readonly isUpdate: boolean;
  readonly text: string;
}

export function writeImportedItem(
  deps: ItemServiceDeps,
  entry: AcceptedItem,
  matches: readonly NearMatch[],
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
  if (matches.length > 0) {
    deps.items.replaceDuplicateFlags(
      entry.id,
      matches.map((match) => ({
        itemId: entry.id,
        otherItemId: match.id,
        similarity: match.similarity,
        detectedAt: at,
      })),
    );
  }
}
