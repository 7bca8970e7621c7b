import { z } from 'zod';
import type { CenterRoute } from '../http/center-route';
import { issueBatch } from './batch-issue';
import { certificatePdf } from './certificate-document';
import {
  certificateDataWorkbook,
  certificateStatistics,
  certificateStatisticsWorkbook,
} from './certificate-exports';
import { json, principalOf, queryParam, XLSX } from './route-helpers';
import { voidCertificate } from './void-certificate';

/*
 * Issuing a batch, voiding, the electronic certificate PDF, the monthly certificate data
 * (national upload layout) and statistics. Organisation staff act on their own organisation.
 */

const VoidBody = z.object({ reason: z.string().trim().min(2).max(500) });

function monthParam(query: URLSearchParams): string {
  return query.get('month') ?? '';
}

export const CERTIFICATE_ROUTES: readonly CenterRoute[] = [
  {
    method: 'POST',
    path: '/api/batches/:id/issue',
    roles: ['org_staff'],
    async handle(ctx, request) {
      const issued = await issueBatch(ctx, principalOf(request), request.params['id'] ?? '');
      return json(
        {
          issued: issued.map((c) => ({
            number: c.number,
            name: c.name,
            batchCandidateId: c.batch_candidate_id,
          })),
        },
        201,
      );
    },
  },
  {
    method: 'POST',
    path: '/api/certificates/:number/void',
    roles: ['org_staff', 'centre_admin'],
    body: VoidBody,
    async handle(ctx, request) {
      const { reason } = request.body as z.infer<typeof VoidBody>;
      const voided = await voidCertificate(
        ctx,
        principalOf(request),
        request.params['number'] ?? '',
        reason,
      );
      return json({ number: voided.number, status: voided.status, voidedAt: voided.voided_at });
    },
  },
  {
    method: 'GET',
    path: '/api/certificates/:number/pdf',
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const file = await certificatePdf(ctx, principalOf(request), request.params['number'] ?? '');
      return {
        kind: 'file',
        contentType: 'application/pdf',
        fileName: file.fileName,
        bytes: file.bytes,
      };
    },
  },
  {
    method: 'GET',
    path: '/api/certificates/export',
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const file = await certificateDataWorkbook(
        ctx.db,
        principalOf(request),
        monthParam(request.query),
        queryParam(request, 'organisationId'),
      );
      return { kind: 'file', contentType: XLSX, fileName: file.fileName, bytes: file.bytes };
    },
  },
  {
    method: 'GET',
    path: '/api/certificates/statistics',
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const actor = principalOf(request);
      const month = monthParam(request.query);
      const organisationId = queryParam(request, 'organisationId');
      if (request.query.get('format') === 'xlsx') {
        const file = await certificateStatisticsWorkbook(ctx.db, actor, month, organisationId);
        return { kind: 'file', contentType: XLSX, fileName: file.fileName, bytes: file.bytes };
      }
      return json(await certificateStatistics(ctx.db, actor, month, organisationId));
    },
  },
];
