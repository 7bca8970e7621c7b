import type { ItemType, ReviewStatus } from '@skillexam/shared';
import type { PointRecord } from '../standards/standard-store';

export interface HealthItemRow {
  readonly id: string;
  readonly pointId: string;
  readonly type: ItemType;
  readonly status: ReviewStatus;
  readonly difficulty: number;
  /** Pooled measured p and discrimination of the current version, when measured. */
  readonly p?: number;
  readonly discrimination?: number;
  /** Candidates who saw the current version (imported response files). */
  readonly candidatesSeen: number;
  /** Some paper pins a version of the item. */
  readonly pinned: boolean;
  /** The item waits in its standard's 未分类 pool (no 鉴定点 yet). */
  readonly unclassified?: boolean;
}

export interface HealthData {
  readonly points: PointRecord[];
  readonly items: HealthItemRow[];
}

/** What the health report needs from storage (implemented in db/). */
export interface HealthStore {
  healthData(standardId?: string): HealthData;
}
