import type { BankImportReport } from '@skillexam/shared';

/*
 * The import wizard's near-duplicate table (docs/decisions/0635): one row per flagged pair, the
 * places written without the file name ("第12行"), the other item by its place when it is in the
 * same file, else by its bank id.
 */

export interface NearDuplicateRow {
  readonly key: string;
  readonly place: string;
  readonly itemId: string;
  readonly otherItemId: string;
  /** Set when the other item is in the same file. */
  readonly otherPlace?: string;
  readonly similarity: number;
  readonly kind: BankImportReport['nearDuplicates'][number]['kind'];
}

/** "items.csv 第12行" → "第12行" (the wizard shows the file name once, above the table). */
export function placeInFile(file: string, ref: string): string {
  const rest = ref.startsWith(file) ? ref.slice(file.length).trim() : ref;
  return rest === '' ? ref : rest;
}

export function nearDuplicateRows(report: BankImportReport): NearDuplicateRow[] {
  return report.nearDuplicates.map((entry) => ({
    key: `${entry.itemId}|${entry.otherItemId}`,
    place: placeInFile(report.file, entry.ref),
    itemId: entry.itemId,
    otherItemId: entry.otherItemId,
    ...(entry.otherRef === undefined
      ? {}
      : { otherPlace: placeInFile(report.file, entry.otherRef) }),
    similarity: entry.similarity,
    kind: entry.kind,
  }));
}

/** One cluster of the near-duplicate table: its number and its listed pairs, in row order. */
export interface NearDuplicateCluster {
  readonly key: string;
  readonly cluster: number;
  readonly pairs: NearDuplicateRow[];
}

/** The listed pairs grouped by cluster (the report lists them cluster by cluster). */
export function nearDuplicateClusters(report: BankImportReport): NearDuplicateCluster[] {
  const rows = nearDuplicateRows(report);
  const clusters = new Map<number, NearDuplicateRow[]>();
  report.nearDuplicates.forEach((entry, index) => {
    const row = rows[index];
    if (row === undefined) return;
    const pairs = clusters.get(entry.cluster);
    if (pairs === undefined) clusters.set(entry.cluster, [row]);
    else pairs.push(row);
  });
  return [...clusters.entries()]
    .sort(([a], [b]) => a - b)
    .map(([cluster, pairs]) => ({ key: `cluster-${cluster}`, cluster, pairs }));
}
