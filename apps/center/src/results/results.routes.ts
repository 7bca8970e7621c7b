import type { CenterRoute } from '../http/center-route';
import { listPackages } from './results-repository';

/*
 *   GET /api/packages   ingested results packages, newest first (org_staff: their
 *                       organisation's sites only; centre_admin and supervisor: all)
 */

const LIMIT = 500;

export const resultsRoutes: readonly CenterRoute[] = [
  {
    method: 'GET',
    path: '/api/packages',
    roles: ['centre_admin', 'supervisor', 'org_staff'],
    async handle(ctx, request) {
      const principal = request.principal;
      const own = principal?.role === 'org_staff' ? (principal.organisationId ?? '-') : undefined;
      const rows = await listPackages(ctx.db, own, LIMIT);
      return {
        kind: 'json',
        data: rows.map((r) => ({
          id: r.id,
          site: { id: r.site_id, name: r.site_name, organisationId: r.organisation_id },
          sha256: r.sha256,
          formatVersion: r.format_version,
          session: { id: r.session_id, name: r.session_name },
          examId: r.exam_id,
          occupationAndLevel: r.occupation_and_level,
          receivedAt: r.received_at.toISOString(),
          receivedBy: r.received_by,
          chainSeq: r.chain_seq,
          candidates: r.candidates,
          current: r.superseded_by === null,
        })),
      };
    },
  },
];
