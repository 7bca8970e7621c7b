import {
  BANK_REVIEW_ACTIONS,
  CodedError,
  type BankReviewAction,
  type ReviewStatus,
} from '@skillexam/shared';

/*
 * 审核流程: draft → in_review → approved | rejected (with a comment) → retired.
 * Editing a rejected or approved item brings it back to draft (items/item-service.ts).
 * Nobody approves their own item.
 */

/** The actions are declared once, in the shared `bank:*` contract (bank-channels.ts). */
export const REVIEW_ACTIONS = BANK_REVIEW_ACTIONS;
export type ReviewAction = BankReviewAction;

const TRANSITIONS: Record<ReviewAction, { from: readonly ReviewStatus[]; to: ReviewStatus }> = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review'], to: 'rejected' },
  retire: { from: ['draft', 'approved', 'rejected'], to: 'retired' },
};

/** What each action is called in messages (批量审核 summaries too). */
export const REVIEW_ACTION_NAMES: Record<ReviewAction, string> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回',
  retire: '停用',
};

const STATUS_NAMES: Record<ReviewStatus, string> = {
  draft: '草稿',
  in_review: '审核中',
  approved: '已通过',
  rejected: '已退回',
  retired: '已停用',
};

export interface TransitionRequest {
  readonly action: ReviewAction;
  readonly status: ReviewStatus;
  readonly actor: string;
  /** Who wrote the item and who saved the version under review. */
  readonly authors: readonly string[];
  readonly comment?: string;
  readonly hasAssessmentPoint: boolean;
  /** The item sits in its standard's 未分类 pool (no 鉴定点 yet). */
  readonly unclassified?: boolean;
}

/** The status after the action, or a CodedError saying exactly why it is not allowed. */
export function nextReviewStatus(request: TransitionRequest): ReviewStatus {
  const rule = TRANSITIONS[request.action];
  if (!rule.from.includes(request.status)) {
    throw new CodedError(
      'CONFLICT',
      `「${STATUS_NAMES[request.status]}」状态的试题不能${REVIEW_ACTION_NAMES[request.action]}` +
        `（只有${rule.from.map((s) => `「${STATUS_NAMES[s]}」`).join('、')}可以）`,
    );
  }
  if (request.action === 'approve' && request.authors.includes(request.actor)) {
    throw new CodedError('FORBIDDEN', `不能审核通过自己编写或修改的试题（${request.actor}）`);
  }
  if ((request.action === 'approve' || request.action === 'submit') && request.unclassified) {
    throw new CodedError(
      'BAD_REQUEST',
      `试题尚未分类（在「未分类」池中），不能${REVIEW_ACTION_NAMES[request.action]}；请先在分类队列中为它指定鉴定点`,
    );
  }
  if (request.action === 'approve' && !request.hasAssessmentPoint) {
    throw new CodedError('BAD_REQUEST', '试题未关联鉴定点，不能审核通过');
  }
  if (request.action === 'reject' && (request.comment ?? '').trim() === '') {
    throw new CodedError('BAD_REQUEST', '退回试题必须填写审核意见');
  }
  return rule.to;
}
