import { CodedError, InvalidInputError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterDb, Queryable } from '../db/center-db';
import { composePrefix, MAX_SERIAL, type CertificateLevel } from './certificate-number';
import {
  decideRangeRequest,
  findOrganisation,
  insertRange,
  insertRangeRequest,
  lockAllocationYear,
  lockPrefixAndFindFreeSerial,
  lockRangeRequest,
  pendingRequestsBefore,
  pendingRequestsInFilingOrder,
  type RangeRequestRow,
  type RangeRow,
} from './range-repository';

/*
 * 号段: an organisation asks for `size` numbers under the prefix of one site, year and level; a
 * centre_admin allocates requests strictly in filing order (organisations.filed_at, then the
 * order of asking) — a request cannot be allocated while an earlier-filed organisation's
 * request of the same year waits. Under one prefix, ranges are handed out one after another
 * from the first free serial, so they never overlap (docs/decisions/1021-number-ranges-in-filing-order.md).
 */

export interface RangeRequestInput {
  readonly organisationId: string;
  readonly siteSerial: string;
  readonly year: number;
  readonly level: CertificateLevel;
  readonly size: number;
}

export interface RangeDeps {
  readonly db: CenterDb;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

function requireRole(actor: CenterPrincipal, role: CenterPrincipal['role']): void {
  if (actor.role !== role) {
    throw new CodedError(
      'FORBIDDEN',
      `只有${role === 'centre_admin' ? '中心管理员' : '评价机构人员'}可以执行此操作`,
    );
  }
}

/** An organisation's staff asks for a range; audited. */
export async function requestRange(
  deps: RangeDeps,
  actor: CenterPrincipal,
  input: RangeRequestInput,
): Promise<RangeRequestRow> {
  requireRole(actor, 'org_staff');
  if (actor.organisationId !== input.organisationId) {
    throw new CodedError('FORBIDDEN', '只能为本机构申请证书编号号段');
  }
  if (!Number.isInteger(input.size) || input.size < 1 || input.size > MAX_SERIAL) {
    throw new InvalidInputError(
      `号段大小应为 1–${String(MAX_SERIAL)}，实际为 ${String(input.size)}`,
    );
  }
  return deps.db.transaction(async (tx) => {
    const organisation = await findOrganisation(tx, input.organisationId);
    if (organisation === undefined) throw new CodedError('NOT_FOUND', '评价机构不存在');
    if (organisation.filed_at === null) {
      throw new CodedError('CONFLICT', `评价机构 ${organisation.name} 尚未备案，不能申请号段`);
    }
    // Checks every field of the prefix the range will have, with the number rule's messages.
    composePrefix({
      kind: organisation.kind,
      organisationCode: organisation.code,
      province: organisation.province,
      siteSerial: input.siteSerial,
      year: input.year,
      level: input.level,
    });
    const request = await insertRangeRequest(tx, {
      organisation_id: input.organisationId,
      site_serial: input.siteSerial,
      year: input.year,
      level: input.level,
      size: input.size,
      requested_by: actor.username,
      requested_at: deps.now(),
    });
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'certificate_range.request',
      subject: `range-request:${request.id}`,
      details: { ...input },
    });
    return request;
  });
}

async function allocateOne(
  tx: Queryable,
  deps: RangeDeps,
  actor: CenterPrincipal,
  request: RangeRequestRow,
): Promise<RangeRow> {
  const earlier = await pendingRequestsBefore(tx, request);
  const first = earlier[0];
  if (first !== undefined) {
    throw new CodedError(
      'CONFLICT',
      `号段按备案顺序分配：${first.organisation_name} 的申请 #${first.id}（${String(first.year)} 年）先于本申请，请先处理`,
    );
  }
  const organisation = await findOrganisation(tx, request.organisation_id);
  if (organisation === undefined) throw new CodedError('NOT_FOUND', '评价机构不存在');
  const prefix = composePrefix({
    kind: organisation.kind,
    organisationCode: organisation.code,
    province: organisation.province,
    siteSerial: request.site_serial,
    year: request.year,
    level: request.level as CertificateLevel,
  });
  const firstSerial = await lockPrefixAndFindFreeSerial(tx, prefix);
  const lastSerial = firstSerial + request.size - 1;
  if (lastSerial > MAX_SERIAL) {
    throw new CodedError(
      'CONFLICT',
      `前缀 ${prefix} 剩余编号不足：尚余 ${String(Math.max(MAX_SERIAL - firstSerial + 1, 0))} 个，申请 ${String(request.size)} 个`,
    );
  }
  const at = deps.now();
  const range = await insertRange(tx, {
    organisation_id: request.organisation_id,
    request_id: request.id,
    prefix,
    site_serial: request.site_serial,
    year: request.year,
    level: request.level,
    first_serial: firstSerial,
    last_serial: lastSerial,
    allocated_by: actor.username,
    allocated_at: at,
  });
  await decideRangeRequest(tx, request.id, { status: 'allocated', by: actor.username, at });
  await deps.audit.append(tx, {
    actor: actor.username,
    action: 'certificate_range.allocate',
    subject: `${prefix}:${String(firstSerial)}-${String(lastSerial)}`,
    details: {
      rangeId: range.id,
      requestId: request.id,
      organisationId: request.organisation_id,
      filedAt: organisation.filed_at?.toISOString() ?? null,
    },
  });
  return range;
}

/** Allocates one pending request; refused while an earlier-filed organisation's request waits. */
export async function allocateRange(
  deps: RangeDeps,
  actor: CenterPrincipal,
  requestId: string,
): Promise<RangeRow> {
  requireRole(actor, 'centre_admin');
  if (!/^\d{1,18}$/.test(requestId)) throw new InvalidInputError(`号段申请编号无效：${requestId}`);
  return deps.db.transaction(async (tx) => {
    const peek = await lockRangeRequest(tx, requestId);
    if (peek === undefined) throw new CodedError('NOT_FOUND', `号段申请 #${requestId} 不存在`);
    await lockAllocationYear(tx, peek.year);
    const request = await lockRangeRequest(tx, requestId);
    if (request?.status !== 'pending') {
      throw new CodedError('CONFLICT', `号段申请 #${requestId} 已处理（${request?.status ?? ''}）`);
    }
    return allocateOne(tx, deps, actor, request);
  });
}

/** Allocates every pending request of `year` in filing order, all or nothing. */
export async function allocatePendingInFilingOrder(
  deps: RangeDeps,
  actor: CenterPrincipal,
  year: number,
): Promise<RangeRow[]> {
  requireRole(actor, 'centre_admin');
  return deps.db.transaction(async (tx) => {
    await lockAllocationYear(tx, year);
    const allocated: RangeRow[] = [];
    for (const request of await pendingRequestsInFilingOrder(tx, year)) {
      allocated.push(await allocateOne(tx, deps, actor, request));
    }
    return allocated;
  });
}

/** Refuses a pending request with a reason; audited. Later requests may then go ahead. */
export async function refuseRangeRequest(
  deps: RangeDeps,
  actor: CenterPrincipal,
  requestId: string,
  reason: string,
): Promise<void> {
  requireRole(actor, 'centre_admin');
  if (!/^\d{1,18}$/.test(requestId)) throw new InvalidInputError(`号段申请编号无效：${requestId}`);
  await deps.db.transaction(async (tx) => {
    const request = await lockRangeRequest(tx, requestId);
    if (request === undefined) throw new CodedError('NOT_FOUND', `号段申请 #${requestId} 不存在`);
    if (request.status !== 'pending') {
      throw new CodedError('CONFLICT', `号段申请 #${requestId} 已处理（${request.status}）`);
    }
    await decideRangeRequest(tx, requestId, {
      status: 'refused',
      by: actor.username,
      at: deps.now(),
      reason,
    });
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'certificate_range.refuse',
      subject: `range-request:${requestId}`,
      details: { reason },
    });
  });
}
