import type { ItemContent, OptionId } from '@skillexam/shared';

/*
 * Keys of a response file's columns from the bank: the key of the item version the candidates
 * saw, as the option letters a response file uses (判断题: A = 对, B = 错, as the proctor server
 * writes them). A key in the file must agree with it (docs/decisions/0903).
 */

/** The option letters of an item version's key; undefined for items answered in words. */
export function keyLettersOf(content: ItemContent): OptionId[] | undefined {
  switch (content.type) {
    case 'true_false':
      return [content.key ? 'A' : 'B'];
    case 'single_choice':
      return [content.key];
    case 'multiple_choice':
      return [...content.key].sort();
    default:
      return undefined;
  }
}

/** A file key that contradicts the bank's key for the pinned version. */
export interface KeyDisagreement {
  readonly itemId: string;
  readonly version: number;
  readonly fileKey: string;
  readonly bankKey: string;
}

/** Columns whose file key differs from the bank's key (same letters in any order agree). */
export function keyDisagreements(
  fileKeys: ReadonlyMap<string, readonly OptionId[]>,
  bankKeys: ReadonlyMap<string, { readonly version: number; readonly key: readonly OptionId[] }>,
): KeyDisagreement[] {
  const found: KeyDisagreement[] = [];
  for (const [itemId, letters] of fileKeys) {
    const bank = bankKeys.get(itemId);
    if (bank === undefined) continue;
    const fileKey = [...letters].sort().join('');
    const bankKey = [...bank.key].sort().join('');
    if (fileKey !== bankKey) found.push({ itemId, version: bank.version, fileKey, bankKey });
  }
  return found;
}

/** 「试题 X（第 v 版）：文件答案 B，题库答案 C」 lines, one per disagreement. */
export function describeKeyDisagreements(found: readonly KeyDisagreement[]): string {
  return found
    .map(
      (d) =>
        `试题 ${d.itemId}（第 ${d.version} 版）：文件 #答案 为 ${d.fileKey}，题库中该版本的答案为 ${d.bankKey}`,
    )
    .join('\n');
}
