import type { ItemType } from '@skillexam/shared';
import { ITEM_TYPE_LABELS } from './cell-values';
import type { FileIssue, ParsedItem } from './item-file-types';

/*
 * Rows without 难度 or 等级 get the bank's defaults when they are bound to a 鉴定点 (难度 中(3);
 * 等级 the 鉴定点's, else the standard's first level). That should not happen silently, nor
 * once per row: one warning per file says how many items took which default. Likewise a file
 * without a 题型 column: one warning says how many items were read as which type.
 */

export interface DefaultsTally {
  noDifficulty: number;
  noLevel: number;
  /** Items whose type was inferred from their content (the file has no 题型 column). */
  inferredTypes: Map<ItemType, number>;
}

export function newDefaultsTally(): DefaultsTally {
  return { noDifficulty: 0, noLevel: 0, inferredTypes: new Map() };
}

/** Counts one item whose type was inferred because the file has no 题型 column. */
export function tallyInferredType(tally: DefaultsTally, item: ParsedItem): void {
  const type = item.content.type;
  tally.inferredTypes.set(type, (tally.inferredTypes.get(type) ?? 0) + 1);
}

/** Counts one imported item (call for every item the file yields). */
export function tallyDefaults(tally: DefaultsTally, item: ParsedItem): void {
  if (item.content.difficulty === undefined) tally.noDifficulty += 1;
  if (item.content.level === undefined) tally.noLevel += 1;
}

/** The one file-level warning, or nothing when every item had both values. */
export function defaultsSummary(tally: DefaultsTally, fileName: string): FileIssue[] {
  const parts: string[] = [];
  if (tally.noDifficulty > 0) parts.push(`${tally.noDifficulty} 题没有难度，按 中（3）导入`);
  if (tally.noLevel > 0) {
    parts.push(`${tally.noLevel} 题没有等级，按题库默认（所属鉴定点或标准的等级）导入`);
  }
  const issues: FileIssue[] = [];
  if (tally.inferredTypes.size > 0) {
    const counts = [...tally.inferredTypes].map(
      ([type, count]) => `${ITEM_TYPE_LABELS[type]} ${count} 题`,
    );
    issues.push({
      file: fileName,
      field: '题型',
      reason: `文件没有题型列，按内容推断为：${counts.join('、')}。请核对，或在文件中加“题型”列`,
      severity: 'warning',
    });
  }
  if (parts.length > 0) {
    issues.push({
      file: fileName,
      field: '难度/等级',
      reason: `${parts.join('；')}。如需其他值，请在文件中填写“难度”“等级”列`,
      severity: 'warning',
    });
  }
  return issues;
}
