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
}

/** What the standards service needs from storage (implemented in db/). */
export interface StandardStore {
  transaction<T>(fn: () => T): T;
  hasStandard(id: string): boolean;
  /** Writes the occupation (upsert), standard, weights, ranges and points. */
  insertStandard(doc: StandardDocument, importedAt: string): void;
  listStandards(): StandardSummary[];
  getStandardDocument(id: string): StandardDocument | undefined;
  getPoint(id: string): PointRecord | undefined;
  /** Points with this full code, in any standard (codes repeat across standards). */
  findPointsByPath(path: string): PointRecord[];
  listPoints(standardId?: string): PointRecord[];
}
