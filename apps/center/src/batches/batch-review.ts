import { CodedError, InvalidInputError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { Queryable } from '../db/center-db';
import type { CenterContext } from '../http/center-route';
import { batchForEditing, batchForReading } from './batch-access';
import { readCandidates, setBatchStatus } from './batch-repository';
import type { Batch } from './batch-types';
import { summarise } from './batch-service';
import { batchScoresDigest } from './batch-digest';

/*
 * Four-eyes review (双人复核) of a batch: organisation staff submit it; someone else — another
 * person of the organisation who neither submitted it nor made its content, or a centre admin —
 * approves it (frozen from then on) or returns it with a reason (editable again). Every step is
 * audited with the batch's counts; the approval also with a digest of the approved scores.
 */

export async function submitBatch(
  ctx: CenterContext,
  principal: CenterPrincipal,
  batchId: string,
): Promise<Batch> {
  return ctx.db.transaction(async (tx) => {
    await batchForEditing(tx, principal, batchId);
    const candidates = await readCandidates(tx, batchId);
    if (candidates.length === 0)
      throw new InvalidInputError('批次中没有考生，不能提交 (no candidates to submit)');
    await setBatchStatus(tx, batchId, {
      status: 'submitted',
      by: principal.staffId,
      at: ctx.now(),
    });
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.submit',
      subject: batchId,
      details: { ...summarise(candidates) },
    });
    return batchForReading(tx, principal, batchId);
  });
}

/** The submitted batch, locked, if the principal may decide on it. */
async function batchForDecision(
  tx: Queryable,
  principal: CenterPrincipal,
  batchId: string,
): Promise<Batch> {
  const batch = await batchForReading(tx, principal, batchId, true);
  if (principal.role === 'supervisor')
    throw new CodedError('FORBIDDEN', '质量督导员只能查看，不能审核 (supervisors read only)');
  if (batch.status !== 'submitted')
    throw new CodedError(
      'CONFLICT',
      `批次 ${batchId} 不在待审核状态（当前：${batch.status}）(not submitted)`,
    );
  if (batch.submittedBy === principal.staffId)
    throw new CodedError(
      'FORBIDDEN',
      '提交人不能审核自己提交的批次，须由另一人审核 (the submitter cannot approve: four-eyes)',
    );
  if (batch.makers.includes(principal.staffId))
    throw new CodedError(
      'FORBIDDEN',
      '建立批次或录入/导入其考生、成绩的人不能审核该批次，须由另一人审核 (a maker cannot approve: four-eyes)',
    );
  return batch;
}

export async function approveBatch(
  ctx: CenterContext,
  principal: CenterPrincipal,
  batchId: string,
): Promise<Batch> {
  return ctx.db.transaction(async (tx) => {
    const batch = await batchForDecision(tx, principal, batchId);
    const candidates = await readCandidates(tx, batchId);
    await setBatchStatus(tx, batchId, { status: 'approved', by: principal.staffId, at: ctx.now() });
    // the approved scores and outcomes, pinned for `audit verify` (decision 1068)
    const { digest } = await batchScoresDigest(tx, batchId);
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.approve',
      subject: batchId,
      details: { ...summarise(candidates), submittedBy: batch.submittedBy, scoresDigest: digest },
    });
    return batchForReading(tx, principal, batchId);
  });
}

export async function returnBatch(
  ctx: CenterContext,
  principal: CenterPrincipal,
  batchId: string,
  reason: string,
): Promise<Batch> {
  if (reason.trim() === '') throw new InvalidInputError('退回须写明原因 (a reason is required)');
  return ctx.db.transaction(async (tx) => {
    const batch = await batchForDecision(tx, principal, batchId);
    await setBatchStatus(tx, batchId, {
      status: 'returned',
      by: principal.staffId,
      at: ctx.now(),
      reason: reason.trim(),
    });
    await ctx.audit.append(tx, {
      actor: principal.username,
      action: 'batch.return',
      subject: batchId,
      details: { reason: reason.trim(), submittedBy: batch.submittedBy },
    });
    return batchForReading(tx, principal, batchId);
  });
}
