import { z } from 'zod';
import type { CenterRequest, CenterRoute } from '../http/center-route';
import type { CertificateLevel } from './certificate-number';
import { organisationScope } from './certificate-access';
import {
  allocatePendingInFilingOrder,
  allocateRange,
  refuseRangeRequest,
  requestRange,
} from './number-ranges';
import { listRangeRequests, listRanges } from './range-repository';
import { json, principalOf, queryParam } from './route-helpers';

/*
 * /api/certificate-ranges: organisations ask for 号段, centre admins allocate them in filing
 * order (docs/decisions/1021-number-ranges-in-filing-order.md); everyone reads what they may.
 */

const RequestBody = z.strictObject({
  siteSerial: z.string().regex(/^\d{6}$/, '评价机构（站点）序列码应为6位数字'),
  year: z.number().int().min(2000).max(2099),
  level: z.number().int().min(1).max(5),
  size: z.number().int().min(1).max(999_999),
});

const RefuseBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
const YearBody = z.strictObject({ year: z.number().int().min(2000).max(2099) });

function requestIdOf(request: CenterRequest): string {
  return request.params['id'] ?? '';
}

export const RANGE_ROUTES: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/certificate-ranges',
    roles: ['centre_admin', 'supervisor', 'org_staff'],
    async handle(ctx, request) {
      const scope = organisationScope(principalOf(request), queryParam(request, 'organisationId'));
      return json({
        ranges: await listRanges(ctx.db, scope),
        requests: await listRangeRequests(ctx.db, scope),
      });
    },
  },
  {
    method: 'POST',
    path: '/api/certificate-ranges/requests',
    roles: ['org_staff'],
    body: RequestBody,
    async handle(ctx, request) {
      const actor = principalOf(request);
      const body = request.body as z.infer<typeof RequestBody>;
      const created = await requestRange(ctx, actor, {
        organisationId: actor.organisationId ?? '',
        siteSerial: body.siteSerial,
        year: body.year,
        level: body.level as CertificateLevel,
        size: body.size,
      });
      return json(created, 201);
    },
  },
  {
    method: 'POST',
    path: '/api/certificate-ranges/requests/:id/allocate',
    roles: ['centre_admin'],
    async handle(ctx, request) {
      return json(await allocateRange(ctx, principalOf(request), requestIdOf(request)), 201);
    },
  },
  {
    method: 'POST',
    path: '/api/certificate-ranges/requests/:id/refuse',
    roles: ['centre_admin'],
    body: RefuseBody,
    async handle(ctx, request) {
      const { reason } = request.body as z.infer<typeof RefuseBody>;
      await refuseRangeRequest(ctx, principalOf(request), requestIdOf(request), reason);
      return json({ refused: requestIdOf(request) });
    },
  },
  {
    method: 'POST',
    path: '/api/certificate-ranges/allocate-pending',
    roles: ['centre_admin'],
    body: YearBody,
    async handle(ctx, request) {
      const { year } = request.body as z.infer<typeof YearBody>;
      return json({
        allocated: await allocatePendingInFilingOrder(ctx, principalOf(request), year),
      });
    },
  },
];
