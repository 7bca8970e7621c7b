import type {
  AdministrationView,
  MultipleChoiceScoring,
  PooledStatisticsView,
} from '@skillexam/shared';

/*
 * What the bank keeps of measured statistics (docs/decisions/0900): per imported response file
 * (one administration: paper, session, date, n) and per item version it measured. Implemented
 * over SQLite in db/version-statistics-repository.ts.
 */

/** How the figures of one import were computed; shown by the CLI and kept with the import. */
export interface ScoringUsed {
  readonly multipleChoiceScoring: MultipleChoiceScoring;
  /** Share of candidates in each of the upper and lower groups. */
  readonly groupFraction: number;
  /** Columns whose key came from the file's #答案 row / from the bank's pinned version. */
  readonly keysFromFile: number;
  readonly keysFromBank: number;
}

/** Identity and circumstances of one imported response file. */
export interface StatisticsImportFacts {
  /** SHA-256 (hex) of the file's content in canonical form (statistics/response-file-identity.ts). */
  readonly fileSha256: string;
  readonly fileName: string;
  /** The paper id the candidates sat (the exam package's paper), when known. */
  readonly examId?: string;
  readonly sessionId?: string;
  /** Date of the administration (YYYY-MM-DD), when known. */
  readonly administeredOn?: string;
  readonly candidates: number;
  readonly scoring: ScoringUsed;
}

export interface StatisticsImport extends Omit<StatisticsImportFacts, 'fileSha256' | 'scoring'> {
  readonly id: number;
  /** Absent for the figures carried over from before per-version storage. */
  readonly fileSha256?: string;
  readonly scoring?: ScoringUsed;
  readonly importedBy: string;
  readonly importedAt: string;
}

/** One item version's figures from one administration. */
export interface VersionStatistics {
  readonly itemId: string;
  readonly version: number;
  /** Responses p and discrimination are based on. */
  readonly n: number;
  readonly p: number;
  readonly discrimination?: number;
  /** Candidates who were given the item version in this administration. */
  readonly candidatesSeen: number;
  readonly flags: readonly string[];
}

/** One line of an item's history: an administration of one of its versions (shared's schema). */
export type Administration = AdministrationView;

/** The pooled (n-weighted) figures of one item version, and its two exposure counts. */
export type PooledStatistics = PooledStatisticsView;

export interface StatisticsStore {
  transaction<T>(fn: () => T): T;
  /** Earlier imports with the same file hash, or the same exam and session. */
  findImports(identity: {
    readonly fileSha256: string;
    readonly examId?: string;
    readonly sessionId?: string;
  }): StatisticsImport[];
  /** Records an import with its figures; returns its id. */
  insertImport(
    facts: StatisticsImportFacts,
    rows: readonly VersionStatistics[],
    by: string,
    at: string,
  ): number;
  /** Removes an import and every figure it brought (`--replace`). */
  deleteImport(id: number): void;
  /** Item id → version pinned by the paper; undefined when the bank has no such paper. */
  pinnedVersions(paperId: string): ReadonlyMap<string, number> | undefined;
  /** The distinct versions of an item that papers pinned, ascending. */
  pinnedVersionsOf(itemId: string): number[];
  /** Every administration of every version of an item, oldest first. */
  history(itemId: string): Administration[];
  /** Pooled figures of each version of an item that has any (pins or statistics). */
  pooled(itemId: string): PooledStatistics[];
}
