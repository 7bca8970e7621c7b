import type { AuthorRole, Item } from '@skillexam/shared';
import { reviewItems, type BulkReviewResult } from '../review/bulk-review';
import { reviewItem, type ReviewDeps } from '../review/review-service';
import type { ReviewAction } from '../review/review-workflow';
import { requireRole, type Actor } from './actor';

/*
 * 审核 (submit / approve / reject / retire), one item or many. Who may do which action is decided
 * here; the bank's own rules (transitions, four-eyes, 未分类) are in review/review-workflow.ts.
 */

/** The roles each action needs. */
export const REVIEW_ROLES: Record<ReviewAction, readonly AuthorRole[]> = {
  submit: ['writer', 'admin'],
  approve: ['reviewer', 'admin'],
  reject: ['reviewer', 'admin'],
  retire: ['admin', 'reviewer'],
};

export interface ReviewRequest {
  readonly action: ReviewAction;
  readonly comment?: string;
}

function input(actor: Actor, request: ReviewRequest) {
  const id = requireRole(actor, REVIEW_ROLES[request.action]);
  return {
    action: request.action,
    actor: id,
    ...(request.comment === undefined ? {} : { comment: request.comment }),
  };
}

/** One item; a refusal is thrown (CodedError with the reason). */
export function reviewOneItem(
  deps: ReviewDeps,
  actor: Actor,
  itemId: string,
  request: ReviewRequest,
): Item {
  return reviewItem(deps, itemId, input(actor, request));
}

/** 批量审核: each item succeeds or is refused on its own, with the reason. */
export function reviewManyItems(
  deps: ReviewDeps,
  actor: Actor,
  ids: readonly string[],
  request: ReviewRequest,
): BulkReviewResult {
  return reviewItems(deps, ids, input(actor, request));
}
