import { CodedError, type Item, type ReviewStatus } from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';
import type { PointRecord, StandardStore } from '../standards/standard-store';
import { nextReviewStatus, type ReviewAction } from './review-workflow';

export interface ReviewDeps {
  readonly items: ItemStore;
  readonly standards: StandardStore;
  readonly clock: () => string;
}

export interface ReviewInput {
  readonly action: ReviewAction;
  readonly actor: string;
  readonly comment?: string;
}

/**
 * Applies one review action in one transaction: checks the rules, records the event
 * (actor, time, from → to, comment), seals the version on approval.
 */
export function reviewItem(deps: ReviewDeps, itemId: string, input: ReviewInput): Item {
  const actor = checkedActor(input.actor);
  return deps.items.transaction(() => {
    const plan = planReview(deps, itemId, input, actor);
    sealApproved(deps, plan);
    recordReview(deps, plan, input, actor);
    const item = deps.items.getItem(itemId);
    if (item === undefined) throw new Error(`item ${itemId} vanished during review`);
    return item;
  });
}

/** The trimmed actor, or the refusal every review action gives without one. */
export function checkedActor(actor: string): string {
  const trimmed = actor.trim();
  if (trimmed === '') throw new CodedError('BAD_REQUEST', '必须指明操作人');
  return trimmed;
}

/** Where a review left an item. */
export interface ReviewOutcome {
  readonly id: string;
  readonly version: number;
  readonly status: ReviewStatus;
}

/** A review that passed every rule and is ready to be written. */
export interface PlannedReview extends ReviewOutcome {
  readonly from: ReviewStatus;
}

/**
 * Checks one item against every rule of review-workflow.ts (the four-eyes rule against this
 * version's author and editor) without writing; throws the CodedError that says why not.
 * `point` may be given by a caller that caches 鉴定点 lookups (bulk review).
 */
export function planReview(
  deps: ReviewDeps,
  itemId: string,
  input: ReviewInput,
  actor: string,
  point: (pointId: string) => PointRecord | undefined = (id) => deps.standards.getPoint(id),
): PlannedReview {
  const meta = deps.items.getMeta(itemId);
  if (meta === undefined) throw new CodedError('NOT_FOUND', `试题 ${itemId} 不存在`);
  const itemPoint = point(meta.pointId);
  const to = nextReviewStatus({
    action: input.action,
    status: meta.status,
    actor,
    authors: [meta.author, meta.versionCreatedBy],
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    hasAssessmentPoint: itemPoint !== undefined,
    unclassified: itemPoint?.unclassified === true,
  });
  return { id: itemId, version: meta.version, from: meta.status, status: to };
}

/** Seals the version of an approval (the version is frozen from now on). */
export function sealApproved(deps: ReviewDeps, plan: PlannedReview): void {
  if (plan.status === 'approved') deps.items.sealVersion(plan.id, plan.version);
}

/** The new status and the review event (actor, time, from → to, comment). */
export function recordReview(
  deps: ReviewDeps,
  plan: PlannedReview,
  input: ReviewInput,
  actor: string,
): void {
  const at = deps.clock();
  deps.items.setStatus(plan.id, plan.status, at);
  deps.items.addReviewEvent({
    itemId: plan.id,
    version: plan.version,
    from: plan.from,
    to: plan.status,
    actor,
    at,
    ...(input.comment === undefined || input.comment.trim() === ''
      ? {}
      : { comment: input.comment.trim() }),
  });
}
