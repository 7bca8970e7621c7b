import { CodedError, type ItemVersion } from '@skillexam/shared';
import { createTwoFilesPatch, diffLines } from 'diff';
import type { ItemStore, ReviewEvent } from './item-store';
import { readableItemText } from './item-text';

export interface ItemHistory {
  readonly versions: ItemVersion[];
  readonly events: ReviewEvent[];
}

export function itemHistory(store: ItemStore, id: string): ItemHistory {
  const versions = store.listVersions(id);
  if (versions.length === 0) throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
  return { versions, events: store.listReviewEvents(id) };
}

export interface VersionDiff {
  readonly from: number;
  readonly to: number;
  /** A unified diff of the readable text (题干, 选项, 答案, 解析, 鉴定点 …). */
  readonly patch: string;
  readonly added: number;
  readonly removed: number;
}

/** Text diff between two versions of an item (default: the last two). */
export function diffItemVersions(
  store: ItemStore,
  id: string,
  from?: number,
  to?: number,
): VersionDiff {
  const versions = store.listVersions(id);
  const last = versions.at(-1);
  if (last === undefined) throw new CodedError('NOT_FOUND', `试题 ${id} 不存在`);
  const toVersion = to ?? last.version;
  const fromVersion = from ?? Math.max(1, toVersion - 1);
  const a = versions.find((v) => v.version === fromVersion);
  const b = versions.find((v) => v.version === toVersion);
  if (a === undefined || b === undefined) {
    throw new CodedError(
      'NOT_FOUND',
      `试题 ${id} 没有第 ${a === undefined ? fromVersion : toVersion} 版（共 ${versions.length} 版）`,
    );
  }
  const oldText = `${readableItemText(a.content)}\n`;
  const newText = `${readableItemText(b.content)}\n`;
  let added = 0;
  let removed = 0;
  for (const change of diffLines(oldText, newText)) {
    if (change.added) added += change.count;
    if (change.removed) removed += change.count;
  }
  return {
    from: fromVersion,
    to: toVersion,
    patch: createTwoFilesPatch(`${id} v${fromVersion}`, `${id} v${toVersion}`, oldText, newText),
    added,
    removed,
  };
}
