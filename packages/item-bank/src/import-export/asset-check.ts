import { contentAssetHashes } from '@skillexam/shared';
import type { FileIssue, ParsedItem, ParsedItemFile } from './item-file-types';

/*
 * The last step of every parser: an item whose image is not in the file's assets is rejected
 * (never imported with a broken picture), and assets no item uses are dropped.
 */

export function itemAssetHashes(item: ParsedItem): string[] {
  return contentAssetHashes(item.content);
}

export function checkItemAssets(file: ParsedItemFile, fileName: string): ParsedItemFile {
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [...file.issues];
  const used = new Set<string>();
  for (const item of file.items) {
    const hashes = itemAssetHashes(item);
    const missing = hashes.filter((hash) => !file.assets.has(hash));
    if (missing.length > 0) {
      issues.push({
        file: fileName,
        ...(item.row !== undefined ? { row: item.row } : {}),
        item: item.externalId ?? item.ref,
        field: '图片',
        reason: `引用的图片不在文件中：${missing.map((hash) => hash.slice(0, 12)).join('、')}`,
        severity: 'error',
      });
      continue;
    }
    for (const hash of hashes) used.add(hash);
    items.push(item);
  }
  const assets = new Map([...file.assets].filter(([hash]) => used.has(hash)));
  return { ...file, items, assets, issues };
}
