import type { ItemType, ReviewStatus, TheoryLevelCode } from '@skillexam/shared';
import type { TermPlan } from './search-plan';

export interface SearchFilter {
  readonly standardId?: string;
  /** A 鉴定范围 id (`<standard id>:<path>`); includes every range below it. */
  readonly rangeId?: string;
  readonly pointId?: string;
  readonly type?: ItemType;
  readonly level?: TheoryLevelCode;
  readonly status?: ReviewStatus;
  readonly difficulty?: number;
  readonly minDifficulty?: number;
  readonly maxDifficulty?: number;
  readonly tag?: string;
}

export interface SearchPageRequest {
  /** 1–200, default 20. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly id: string;
  readonly version: number;
  readonly type: ItemType;
  readonly status: ReviewStatus;
  readonly level: TheoryLevelCode;
  readonly difficulty: number;
  readonly pointId: string;
  readonly pointPath: string;
  /** The start of the normalized text. */
  readonly snippet: string;
}

export interface SearchPage {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly hits: SearchHit[];
}

/** What search needs from storage (implemented in db/). */
export interface SearchStore {
  search(
    terms: readonly TermPlan[],
    filter: SearchFilter,
    limit: number,
    offset: number,
  ): SearchPage;
}
