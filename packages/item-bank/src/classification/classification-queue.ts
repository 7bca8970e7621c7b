import {
  CodedError,
  toPlainText,
  type ClassificationQueueEntrySchema,
  type ClassificationQueueSchema,
} from '@skillexam/shared';
import type { z } from 'zod';
import type { ItemStore } from '../items/item-store';
import type { PointRecord, StandardStore } from '../standards/standard-store';
import type { ClassificationStore } from './classification-store';
import { classificationText, pointProfiles } from './classification-text';
import { createPointMatcher, SUGGESTION_COUNT, type PointMatcher } from './point-matcher';

export interface ClassificationQueueDeps {
  readonly items: ItemStore;
  readonly standards: StandardStore;
  readonly classification: ClassificationStore;
}

/** One unclassified item with its likeliest 鉴定点 (shared's `ClassificationQueueEntrySchema`). */
export type ClassificationQueueEntry = z.infer<typeof ClassificationQueueEntrySchema>;

/** One page of a standard's 未分类 pool (shared's `ClassificationQueueSchema`). */
export type ClassificationQueue = z.infer<typeof ClassificationQueueSchema>;

export const STEM_PREVIEW = 160;
export const MAX_QUEUE_PAGE = 200;

/** The standard's 未分类 pool point; NOT_FOUND when the bank has no such standard. */
export function poolPointOf(standards: StandardStore, standardId: string): PointRecord {
  const pool = standards.unclassifiedPoint(standardId);
  if (pool === undefined) throw new CodedError('NOT_FOUND', `题库中没有标准 ${standardId}`);
  return pool;
}

/** A matcher over the 鉴定点 of one standard (its names and range names). */
export function standardMatcher(standards: StandardStore, standardId: string): PointMatcher {
  const ranges = standards.getStandardDocument(standardId)?.ranges ?? [];
  return createPointMatcher(pointProfiles(standards.listPoints(standardId), ranges));
}

/** One page of a standard's unclassified items, each with its top 鉴定点 suggestions. */
export function classificationQueue(
  deps: ClassificationQueueDeps,
  standardId: string,
  page: { offset?: number; limit?: number } = {},
): ClassificationQueue {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUEUE_PAGE) {
    throw new CodedError('BAD_REQUEST', `每页条数应为 1–${MAX_QUEUE_PAGE} 的整数，实际为 ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new CodedError('BAD_REQUEST', `偏移量应为非负整数，实际为 ${offset}`);
  }
  const pool = poolPointOf(deps.standards, standardId);
  const matcher = standardMatcher(deps.standards, standardId);
  const { total, ids } = deps.classification.poolItemIds(pool.id, offset, limit);
  const entries = ids.flatMap((id): ClassificationQueueEntry[] => {
    const item = deps.items.getItem(id);
    if (item === undefined) return [];
    const stem = toPlainText(item.stem);
    return [
      {
        itemId: item.id,
        version: item.version,
        status: item.reviewStatus,
        type: item.type,
        level: item.level,
        stem: stem.length > STEM_PREVIEW ? `${stem.slice(0, STEM_PREVIEW)}…` : stem,
        suggestions: matcher.suggest(classificationText(item), SUGGESTION_COUNT),
      },
    ];
  });
  return { standardId, poolPointId: pool.id, total, offset, entries };
}
