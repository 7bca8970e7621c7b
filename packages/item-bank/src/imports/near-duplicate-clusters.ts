import type { NearMatch } from './near-duplicates';

/*
 * Near duplicates as clusters (docs/decisions/0921): the items linked by their flags (each item
 * keeps its closest few matches) form connected groups, so each item is in at most one cluster.
 * Clusters are numbered largest first (then by their first row); the report lists the pairs of
 * the first LISTED_CLUSTERS clusters, at most PAIRS_PER_CLUSTER of each, and counts the rest;
 * the full list goes, pair by pair, to a sink the caller may give (a file written as a stream).
 */

/** Clusters listed in a report by default. */
export const LISTED_CLUSTERS = 50;
/** Pairs listed per cluster by default. */
export const PAIRS_PER_CLUSTER = 20;

export interface ClusterInput {
  readonly ref: string;
  readonly id: string;
  readonly matches: readonly NearMatch[];
}

export interface ClusteredPair {
  readonly ref: string;
  readonly itemId: string;
  readonly otherItemId: string;
  readonly similarity: number;
  readonly kind: NearMatch['kind'];
  readonly cluster: number;
}

export interface Clusters {
  readonly clusters: number;
  readonly pairs: number;
  /** Pairs of the listed clusters, in cluster then row order. */
  readonly listed: ClusteredPair[];
  readonly unlistedClusters: number;
  readonly unlistedPairs: number;
}

class UnionFind {
  readonly #parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    for (let up = this.#parent.get(root); up !== undefined && up !== root;) {
      root = up;
      up = this.#parent.get(root);
    }
    for (let at = id; at !== root;) {
      const up = this.#parent.get(at) ?? root;
      this.#parent.set(at, root);
      at = up;
    }
    return root;
  }

  union(a: string, b: string): void {
    const x = this.find(a);
    const y = this.find(b);
    if (x !== y) this.#parent.set(y, x);
  }
}

/**
 * Groups the flagged pairs of `entries` (in file order) into clusters; `sink` gets every pair
 * with its cluster number, in file order.
 */
export function clusterNearDuplicates(
  entries: readonly ClusterInput[],
  sink?: (pair: ClusteredPair) => void,
  limits: { readonly clusters: number; readonly pairsPerCluster: number } = {
    clusters: LISTED_CLUSTERS,
    pairsPerCluster: PAIRS_PER_CLUSTER,
  },
): Clusters {
  const links = new UnionFind();
  for (const entry of entries) for (const match of entry.matches) links.union(entry.id, match.id);
  const stats = new Map<string, { first: number; pairs: number; number: number; listed: number }>();
  let pairs = 0;
  entries.forEach((entry, at) => {
    if (entry.matches.length === 0) return;
    const root = links.find(entry.id);
    const known = stats.get(root);
    if (known === undefined) stats.set(root, { first: at, pairs: 0, number: 0, listed: 0 });
    const cluster = stats.get(root);
    if (cluster !== undefined) cluster.pairs += entry.matches.length;
    pairs += entry.matches.length;
  });
  [...stats.values()]
    .sort((a, b) => b.pairs - a.pairs || a.first - b.first)
    .forEach((cluster, at) => {
      cluster.number = at + 1;
    });
  const listed: ClusteredPair[] = [];
  for (const entry of entries) {
    const cluster = entry.matches.length === 0 ? undefined : stats.get(links.find(entry.id));
    if (cluster === undefined) continue;
    for (const match of entry.matches) {
      const pair: ClusteredPair = {
        ref: entry.ref,
        itemId: entry.id,
        otherItemId: match.id,
        similarity: match.similarity,
        kind: match.kind,
        cluster: cluster.number,
      };
      sink?.(pair);
      if (cluster.number <= limits.clusters && cluster.listed < limits.pairsPerCluster) {
        cluster.listed += 1;
        listed.push(pair);
      }
    }
  }
  listed.sort((a, b) => a.cluster - b.cluster);
  return {
    clusters: stats.size,
    pairs,
    listed,
    unlistedClusters: Math.max(0, stats.size - limits.clusters),
    unlistedPairs: pairs - listed.length,
  };
}
