import { CodedError, type Item } from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';
import type { StandardStore } from '../standards/standard-store';
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
  const actor = input.actor.trim();
  if (actor === '') throw new CodedError('BAD_REQUEST', '必须指明操作人');
  return deps.items.transaction(() => {
    const meta = deps.items.getMeta(itemId);
    if (meta === undefined) throw new CodedError('NOT_FOUND', `试题 ${itemId} 不存在`);
    const to = nextReviewStatus({
      action: input.action,
      status: meta.status,
      actor,
      authors: [meta.author, meta.versionCreatedBy],
      ...(input.comment === undefined ? {} : { comment: input.comment }),
      hasAssessmentPoint: deps.standards.getPoint(meta.pointId) !== undefined,
    });
    const at = deps.clock();
    deps.items.setStatus(itemId, to, at);
    if (to === 'approved') deps.items.sealVersion(itemId, meta.version);
    deps.items.addReviewEvent({
      itemId,
      version: meta.version,
      from: meta.status,
      to,
      actor,
      at,
      ...(input.comment === undefined || input.comment.trim() === ''
        ? {}
        : { comment: input.comment.trim() }),
    });
    const item = deps.items.getItem(itemId);
    if (item === undefined) throw new Error(`item ${itemId} vanished during review`);
    return item;
  });
}
