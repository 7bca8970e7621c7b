import type { FileIssue } from '../import-export/item-file-types';
import { NEAR_REASON, placeOfRef, spaced, type PassResult } from './import-pass';
import type { ImportedNearDuplicate } from './import-report';
import { clusterNearDuplicates, type ClusteredPair } from './near-duplicate-clusters';

/*
 * The near-duplicate part of an import report (docs/decisions/0921): the clusters' counts, the
 * listed pairs, one warning per listed pair and one for what is not listed. Every pair, listed or
 * not, goes to `sink` when the caller gives one (`qbank import --near-duplicates-file`).
 */

export interface NearDuplicateReport {
  readonly nearDuplicates: ImportedNearDuplicate[];
  readonly nearDuplicateClusters: number;
  readonly nearDuplicatePairs: number;
  readonly unlistedNearDuplicateClusters: number;
  readonly unlistedNearDuplicatePairs: number;
  readonly warnings: FileIssue[];
}

/** A refused import imports nothing: its pairs are warned about but none is listed. */
export function unlisted(report: NearDuplicateReport): NearDuplicateReport {
  return {
    ...report,
    nearDuplicates: [],
    unlistedNearDuplicateClusters: report.nearDuplicateClusters,
    unlistedNearDuplicatePairs: report.nearDuplicatePairs,
  };
}

export function nearDuplicateReport(
  pass: PassResult,
  file: string,
  sink?: (pair: ImportedNearDuplicate) => void,
): NearDuplicateReport {
  const withRef = (pair: ClusteredPair): ImportedNearDuplicate => {
    const otherRef = pass.refOfId.get(pair.otherItemId);
    return {
      ref: pair.ref,
      itemId: pair.itemId,
      otherItemId: pair.otherItemId,
      ...(otherRef === undefined ? {} : { otherRef }),
      similarity: pair.similarity,
      kind: pair.kind,
      cluster: pair.cluster,
    };
  };
  const found = clusterNearDuplicates(
    pass.accepted,
    sink === undefined ? undefined : (pair) => sink(withRef(pair)),
  );
  const listedIds = new Set(found.listed.map((pair) => pair.itemId));
  const rowOf = new Map(
    pass.accepted.filter((entry) => listedIds.has(entry.id)).map((entry) => [entry.id, entry.row]),
  );
  const warnings: FileIssue[] = found.listed.map((pair) => {
    const otherRef = pass.refOfId.get(pair.otherItemId);
    const other =
      otherRef === undefined ? `题库中的试题 ${pair.otherItemId}` : placeOfRef(otherRef, file);
    const row = rowOf.get(pair.itemId);
    return {
      file,
      ...(row === undefined ? {} : { row }),
      item: pair.ref,
      field: '题干',
      reason: `与${spaced(other)}${NEAR_REASON[pair.kind]}（相似度 ${pair.similarity}），已标记为疑似重复`,
      severity: 'warning',
    };
  });
  if (found.unlistedPairs > 0) {
    warnings.push({
      file,
      field: '题干',
      reason: `共 ${found.clusters} 组、${found.pairs} 对疑似重复，均已标记，列出其中 ${found.listed.length} 对；另有 ${found.unlistedClusters} 组相似试题未列出（完整列表：qbank import --near-duplicates-file <文件>）`,
      severity: 'warning',
    });
  }
  return {
    nearDuplicates: found.listed.map(withRef),
    nearDuplicateClusters: found.clusters,
    nearDuplicatePairs: found.pairs,
    unlistedNearDuplicateClusters: found.unlistedClusters,
    unlistedNearDuplicatePairs: found.unlistedPairs,
    warnings,
  };
}
