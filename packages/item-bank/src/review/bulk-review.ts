import { CodedError } from '@skillexam/shared';
import type { PointRecord } from '../standards/standard-store';
import {
  checkedActor,
  planReview,
  recordReview,
  sealApproved,
  type PlannedReview,
  type ReviewDeps,
  type ReviewInput,
  type ReviewOutcome,
} from './review-service';

/*
 * 批量审核 (docs/decisions/0700-bulk-review-batches.md): one action over many items. Every item
 * is checked against every rule on its own (the four-eyes rule against that item's author and
 * editor); a refused item is reported with its reason and never rolls back the others.
 *
 * Items go in batches of BULK_REVIEW_BATCH per transaction: first every item of the batch is
 * checked (reads only), then the approved versions are sealed, then statuses and review events
 * are written. Sealing before the search-index writes matters: interleaving them per item was
 * measured 2–3 × slower (the seal's guard trigger needs a statement savepoint, which makes the
 * FTS5 index flush what it holds in memory).
 */

export const BULK_REVIEW_BATCH = 5_000;

/** One item the action was not applied to, and why (zh-CN, from the workflow's rules). */
export interface ReviewRefusal {
  readonly id: string;
  readonly code: string;
  readonly reason: string;
}

export interface BulkReviewResult {
  readonly done: ReviewOutcome[];
  readonly refused: ReviewRefusal[];
}

export interface BulkReviewOptions {
  readonly batchSize?: number;
}

/** Applies `input` to every item of `ids` (each once); refusals are collected, not thrown. */
export function reviewItems(
  deps: ReviewDeps,
  ids: readonly string[],
  input: ReviewInput,
  options: BulkReviewOptions = {},
): BulkReviewResult {
  const actor = checkedActor(input.actor);
  const batchSize = Math.max(1, options.batchSize ?? BULK_REVIEW_BATCH);
  const points = new Map<string, PointRecord | undefined>();
  const point = (pointId: string) => {
    if (!points.has(pointId)) points.set(pointId, deps.standards.getPoint(pointId));
    return points.get(pointId);
  };
  const done: ReviewOutcome[] = [];
  const refused: ReviewRefusal[] = [];
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += batchSize) {
    const batch = unique.slice(start, start + batchSize);
    const planned = deps.items.transaction(() => {
      const plans: PlannedReview[] = [];
      for (const id of batch) {
        try {
          plans.push(planReview(deps, id, input, actor, point));
        } catch (error) {
          if (!(error instanceof CodedError)) throw error;
          refused.push({ id, code: error.code, reason: error.message });
        }
      }
      for (const plan of plans) sealApproved(deps, plan);
      for (const plan of plans) recordReview(deps, plan, input, actor);
      return plans;
    });
    done.push(...planned.map(({ id, version, status }) => ({ id, version, status })));
  }
  return { done, refused };
}
