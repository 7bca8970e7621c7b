import type {
  AuthoredDifficulty,
  Importance,
  ItemType,
  ReviewStatus,
  StandardRef,
  TheoryLevelCode,
} from '@skillexam/shared';

/** What assembly knows about one item of the bank (its current version). */
export interface PoolItem {
  readonly itemId: string;
  readonly version: number;
  readonly type: ItemType;
  readonly status: ReviewStatus;
  readonly level: TheoryLevelCode;
  /** Bank id of the 鉴定点. */
  readonly pointId: string;
  /** Full code of the 鉴定点, e.g. `B-A-001`. */
  readonly pointPath: string;
  readonly importance: Importance;
  readonly difficulty: AuthoredDifficulty;
  /**
   * Pooled measured proportion correct of this version (n-weighted over its administrations),
   * present only when it rests on at least the minimum number of responses.
   */
  readonly empiricalP?: number;
  readonly enemyGroup?: string;
  /** Papers that pinned this version (exposure in papers, not candidates). */
  readonly papersPinned: number;
}

/** Fewest responses a measured p needs to replace the author's difficulty in assembly. */
export const DEFAULT_MIN_RESPONSES = 30;

/** Everything assembly reads from the bank, loaded up front (assembly itself does no IO). */
export interface AssemblySource {
  readonly standard: StandardRef;
  /** The level's 理论知识权重表: range path code → percent; absent when the level has none. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Range names by path code, for messages. */
  readonly rangeNames: Readonly<Record<string, string>>;
  /**
   * Every classified item of the standard (any status and level); assembly filters. Items in
   * the standard's 未分类 pool are never part of it (docs/decisions/0640).
   */
  readonly items: readonly PoolItem[];
  /** Items of the last `notUsedInLastPapers` recorded papers of this standard and level. */
  readonly recentlyUsed: ReadonlySet<string>;
}

/** How assembly reads a bank (implemented over SQLite in db/assembly-repository.ts). */
export interface AssemblyStore {
  /** `minResponses`: the measured p is used from this many pooled responses on (default 30). */
  loadSource(
    standard: StandardRef,
    level: TheoryLevelCode,
    recentPapers: number,
    minResponses?: number,
  ): AssemblySource;
}
