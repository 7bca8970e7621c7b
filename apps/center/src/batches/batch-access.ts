import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { Queryable } from '../db/center-db';
import { readBatch } from './batch-repository';
import type { Batch } from './batch-types';

/*
 * Who may see and change a batch (docs/center-batches.md): its organisation's staff read and
 * write it; centre admins and supervisors read every batch; a centre admin may also approve or
 * return one. Another organisation's batch is "not found", so its existence does not leak.
 */

function notFound(id: string): CodedError {
  return new CodedError('NOT_FOUND', `没有批次 ${id} (batch not found)`);
}

export function mayRead(principal: CenterPrincipal, batch: Batch): boolean {
  if (principal.role === 'org_staff') return principal.organisationId === batch.organisationId;
  return true;
}

/** The batch if the principal may read it; NOT_FOUND otherwise. */
export async function batchForReading(
  q: Queryable,
  principal: CenterPrincipal,
  id: string,
  lock = false,
): Promise<Batch> {
  const batch = await readBatch(q, id, lock);
  if (batch === undefined || !mayRead(principal, batch)) throw notFound(id);
  return batch;
}

/** The batch, locked, if the principal is staff of its organisation and it may be edited. */
export async function batchForEditing(
  tx: Queryable,
  principal: CenterPrincipal,
  id: string,
): Promise<Batch> {
  const batch = await batchForReading(tx, principal, id, true);
  if (principal.role !== 'org_staff')
    throw new CodedError(
      'FORBIDDEN',
      '只有本评价机构的工作人员可以修改批次 (organisation staff only)',
    );
  if (batch.status === 'submitted' || batch.status === 'approved') {
    throw new CodedError(
      'CONFLICT',
      batch.status === 'approved'
        ? `批次 ${batch.id} 已审核通过，成绩已锁定，不能修改 (approved batches are frozen)`
        : `批次 ${batch.id} 已提交审核，审核退回前不能修改 (submitted: wait for approval or return)`,
    );
  }
  return batch;
}

/** The organisation an org_staff principal acts for. */
export function ownOrganisation(principal: CenterPrincipal): string {
  if (principal.role !== 'org_staff' || principal.organisationId === undefined)
    throw new CodedError(
      'FORBIDDEN',
      '只有评价机构的工作人员可以建立批次 (organisation staff only)',
    );
  return principal.organisationId;
}
