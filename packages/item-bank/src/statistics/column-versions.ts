import { InvalidInputError, type ItemVersionRef } from '@skillexam/shared';

/*
 * Which item VERSION each column of a response file measured (docs/decisions/0900): the version
 * the paper pinned when the file names its exam (`#考试` / `--exam`); otherwise the one version
 * any paper pinned, or the current version of an item no paper has pinned. A header
 * `itemId@version` names the version itself. Statistics never go to a version the candidates
 * did not see: a column that cannot be placed refuses the whole file.
 */

export interface VersionFacts {
  /** Item id → version pinned by the named exam's paper (when the file names one). */
  readonly examPins?: ReadonlyMap<string, number>;
  readonly examId?: string;
  /** The item's current version; undefined when the bank has no such item. */
  currentVersion(itemId: string): number | undefined;
  /** Versions of the item that any paper pinned. */
  pinnedVersions(itemId: string): readonly number[];
  hasVersion(itemId: string, version: number): boolean;
}

function placeColumn(
  column: string,
  facts: VersionFacts,
): ItemVersionRef | { readonly problem: string } {
  const at = /^(.+)@(\d+)$/.exec(column);
  const itemId = at?.[1] ?? column;
  const current = facts.currentVersion(itemId);
  if (current === undefined) return { problem: `${column}：题库中没有这道试题` };
  const named = at?.[2] === undefined ? undefined : Number(at[2]);
  const pinned = facts.examPins?.get(itemId);
  if (facts.examPins !== undefined && pinned === undefined)
    return { problem: `${column}：不在试卷 ${facts.examId ?? ''} 中` };
  if (named !== undefined) {
    if (!facts.hasVersion(itemId, named)) return { problem: `${column}：没有第 ${named} 版` };
    if (pinned !== undefined && pinned !== named)
      return { problem: `${column}：试卷 ${facts.examId ?? ''} 用的是第 ${pinned} 版` };
    return { itemId, version: named };
  }
  if (pinned !== undefined) return { itemId, version: pinned };
  const versions = facts.pinnedVersions(itemId);
  if (versions.length === 0) return { itemId, version: current };
  const [only] = versions;
  if (versions.length === 1 && only !== undefined) return { itemId, version: only };
  return {
    problem: `${column}：第 ${versions.join('、')} 版都被试卷用过，请用 --exam 或文件的 #考试 行指明试卷`,
  };
}

/**
 * One administration measures an item once: two columns of the same item (`I1` and `I1@1`)
 * refuse the file, naming both headers, before anything is written.
 */
function sameItemColumns(fileName: string, versions: ReadonlyMap<string, ItemVersionRef>): void {
  const firstColumn = new Map<string, [string, ItemVersionRef]>();
  const problems: string[] = [];
  for (const [column, ref] of versions) {
    const first = firstColumn.get(ref.itemId);
    if (first === undefined) {
      firstColumn.set(ref.itemId, [column, ref]);
      continue;
    }
    const [firstHeader, firstRef] = first;
    const which =
      firstRef.version === ref.version
        ? `同一版本（第 ${ref.version} 版）`
        : `第 ${firstRef.version} 版和第 ${ref.version} 版`;
    problems.push(`列 ${firstHeader} 与列 ${column} 都是试题 ${ref.itemId} 的${which}`);
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      `${fileName}：一道试题只能有一列，未写入任何统计 (two columns measure the same item; nothing written)：\n${problems.join('\n')}`,
      { file: fileName, columns: problems },
    );
  }
}

/**
 * Column id → item version, or an InvalidInputError naming every column that cannot be placed,
 * or the columns of `fileName` that measure the same item.
 */
export function resolveColumnVersions(
  columns: readonly string[],
  facts: VersionFacts,
  fileName: string,
): Map<string, ItemVersionRef> {
  const versions = new Map<string, ItemVersionRef>();
  const problems: string[] = [];
  for (const column of columns) {
    const placed = placeColumn(column, facts);
    if ('problem' in placed) problems.push(placed.problem);
    else versions.set(column, placed);
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      `这些列找不到考生作答的试题版本，未写入任何统计 (columns without an item version; nothing written)：\n${problems.join('\n')}`,
      { columns: problems },
    );
  }
  sameItemColumns(fileName, versions);
  return versions;
}
