import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterContext } from '../http/center-route';
import { lockBatch, passedCandidatesWithoutCertificate } from './batch-issue-repository';
import type { CertificateRow } from './certificate-repository';
import { inferIdType } from './holder-id';
import { parseHolders } from './holder-input';
import { alreadyCertifiedError, issueInTransaction, requireIssuer } from './issue-certificates';

/*
 * 批次发证: every candidate of an approved batch of the caller's organisation whose outcome is
 * pass and who has no certificate yet gets one, in candidate order, in one transaction with
 * the batch locked — so issuing twice (or twice at once) never certifies anyone twice.
 */

export async function issueBatch(
  ctx: CenterContext,
  actor: CenterPrincipal,
  batchId: string,
): Promise<CertificateRow[]> {
  if (actor.role !== 'org_staff') throw new CodedError('FORBIDDEN', '只有评价机构人员可以发证');
  try {
    return await ctx.db.transaction(async (tx) => {
      const batch = await lockBatch(tx, batchId);
      if (batch === undefined || batch.organisation_id !== actor.organisationId) {
        throw new CodedError('NOT_FOUND', `批次 ${batchId} 不存在`);
      }
      requireIssuer(actor, batch.organisation_id);
      if (batch.status !== 'approved') {
        throw new CodedError(
          'CONFLICT',
          `批次 ${batchId} 尚未审核通过（当前状态 ${batch.status}），不能发证`,
        );
      }
      const candidates = await passedCandidatesWithoutCertificate(tx, batchId);
      if (candidates.length === 0) return [];
      const holders = parseHolders(
        candidates.map((candidate) => ({
          idType: inferIdType(candidate.id_number),
          idNumber: candidate.id_number,
          name: candidate.name,
          occupationCode: batch.occupation_code,
          occupationName: batch.occupation_name,
          level: batch.level,
          batchCandidateId: candidate.id,
        })),
      );
      return issueInTransaction(
        tx,
        { organisationId: batch.organisation_id, actor, audit: ctx.audit, now: ctx.now() },
        holders,
      );
    });
  } catch (error) {
    throw alreadyCertifiedError(error);
  }
}
