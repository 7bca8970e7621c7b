import type {
  BankSearchHitSchema,
  BankSearchPageSchema,
  ItemType,
  ReviewStatus,
  TheoryLevelCode,
} from '@skillexam/shared';
import type { z } from 'zod';
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

/** One hit (shared's `BankSearchHitSchema`: the workbench gets it as is). */
export type SearchHit = z.infer<typeof BankSearchHitSchema>;

/** One page of hits (shared's `BankSearchPageSchema`). */
export type SearchPage = z.infer<typeof BankSearchPageSchema>;

/** What search needs from storage (implemented in db/). */
export interface SearchStore {
  search(
    terms: readonly TermPlan[],
    filter: SearchFilter,
    limit: number,
    offset: number,
  ): SearchPage;
}
