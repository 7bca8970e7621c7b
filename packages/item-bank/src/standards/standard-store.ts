import type { Importance, TheoryLevelCode } from '@skillexam/shared';
import type { StandardDocument } from './standard-document';

/** A standard as listed in a bank. */
export interface StandardSummary {
  readonly id: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly version: string;
  readonly title?: string;
  readonly documentNumber?: string;
  readonly levels: TheoryLevelCode[];
  readonly rangeCount: number;
  readonly pointCount: number;
}

/** A 鉴定点 as the bank stores it. */
export interface PointRecord {
  readonly id: string;
  readonly standardId: string;
  /** Full code, e.g. `A-B-001`. */
  readonly path: string;
  readonly rangePath: string;
  readonly code: string;
  readonly name: string;
  readonly importance: Importance;
  readonly levels?: TheoryLevelCode[];
  /** The standard's 未分类 pool, not a 鉴定点 of the standard (standards/unclassified-pool.ts). */
  readonly unclassified?: true;
}

/** What the standards service needs from storage (implemented in db/). */
export interface StandardStore {
  transaction<T>(fn: () => T): T;
  hasStandard(id: string): boolean;
  /** Writes the occupation (upsert), standard, weights, ranges and points. */
  insertStandard(doc: StandardDocument, importedAt: string): void;
  listStandards(): StandardSummary[];
  getStandardDocument(id: string): StandardDocument | undefined;
  /** A 鉴定点 or a standard's 未分类 pool point (`unclassified: true`). */
  getPoint(id: string): PointRecord | undefined;
  /** 鉴定点 with this full code, in any standard (codes repeat across standards); no pools. */
  findPointsByPath(path: string): PointRecord[];
  /** The 鉴定点 of one or every standard; never the 未分类 pools. */
  listPoints(standardId?: string): PointRecord[];
  /** The standard's 未分类 pool point (every standard has one). */
  unclassifiedPoint(standardId: string): PointRecord | undefined;
}
