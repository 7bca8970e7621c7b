import { CodedError } from '@skillexam/shared';
import { z } from 'zod';
import type { CenterRoute } from '../http/center-route';
import { issueBatch } from './batch-issue';
import { certificatePdf } from './certificate-document';
import {
  certificateDataWorkbook,
  certificateStatistics,
  certificateStatisticsWorkbook,
} from './certificate-exports';
import { lookupLink } from '../lookup/lookup-code';
import { lookupSecret } from '../lookup/verify-certificate';
import { organisationScope } from './certificate-access';
import { searchCertificates } from './certificate-search-repository';
import { maskIdNumber } from './holder-id';
import { json, principalOf, queryParam, XLSX } from './route-helpers';
import { voidCertificate } from './void-certificate';

/*
 * Issuing a batch, voiding, the electronic certificate PDF, the monthly certificate data
 * (national upload layout) and statistics. Organisation staff act on their own organisation.
 */

const VoidBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

const SearchQuery = z.object({
  q: z.string().trim().max(40).optional(),
  status: z.enum(['valid', 'voided']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

function monthParam(query: URLSearchParams): string {
  return query.get('month') ?? '';
}

export const CERTIFICATE_ROUTES: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/certificates',
    roles: ['org_staff', 'centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const query = SearchQuery.safeParse(Object.fromEntries(request.query));
      if (!query.success)
        throw new CodedError(
          'BAD_REQUEST',
          `查询参数无效：${query.error.issues[0]?.message ?? ''}`,
        );
      const { q, status, limit, offset } = query.data;
      const organisationId = organisationScope(principalOf(request));
      const found = await searchCertificates(ctx.db, {
        ...(organisationId === undefined ? {} : { organisationId }),
        ...(q === undefined || q === '' ? {} : { text: q }),
        ...(status === undefined ? {} : { status }),
        limit,
        offset,
      });
      return json({
        total: found.total,
        certificates: found.rows.map((row) => ({
          number: row.number,
          name: row.name,
          idNumber: maskIdNumber(row.id_number),
          occupationName: row.occupation_name,
          level: row.level,
          status: row.status,
          issuedAt: row.issued_at.toISOString(),
          organisationId: row.organisation_id,
        })),
      });
    },
  },
  {
    method: 'POST',
    path: '/api/batches/:id/issue',
    roles: ['org_staff'],
    async handle(ctx, request) {
      const issued = await issueBatch(ctx, principalOf(request), request.params['id'] ?? '');
      const secret = await lookupSecret(ctx.db, ctx.now);
      return json(
        {
          issued: issued.map((c) => ({
            number: c.number,
            name: c.name,
            batchCandidateId: c.batch_candidate_id,
            // the certificate's QR link: its public lookup page, no typing needed
            lookupUrl: lookupLink(ctx.publicBaseUrl, secret, c.number),
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
