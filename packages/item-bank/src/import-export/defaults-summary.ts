import type { FileIssue, ParsedItem } from './item-file-types';

/*
 * Rows without 难度 or 等级 get the bank's defaults when they are bound to a 鉴定点 (难度 中(3);
 * 等级 the 鉴定点's, else the standard's first level). That should not happen silently, nor
 * once per row: one warning per file says how many items took which default.
 */

export interface DefaultsTally {
  noDifficulty: number;
  noLevel: number;
}

export function newDefaultsTally(): DefaultsTally {
  return { noDifficulty: 0, noLevel: 0 };
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
  if (parts.length === 0) return [];
  return [
    {
      file: fileName,
      field: '难度/等级',
      reason: `${parts.join('；')}。如需其他值，请在文件中填写“难度”“等级”列`,
      severity: 'warning',
    },
  ];
}
