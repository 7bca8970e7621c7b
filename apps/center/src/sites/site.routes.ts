import type { CenterRoute } from '../http/center-route';
import { enrolSite, EnrolSiteSchema, siteView, type EnrolSiteInput } from './enrol-site';
import { chainAlerts, listSites } from './site-repository';

/*
 *   POST /api/sites               enrol a site (centre_admin), audited
 *   GET  /api/sites               sites (org_staff: their organisation's)
 *   GET  /api/sites/:id/alerts    chain-fork alerts of a site (centre_admin, supervisor)
 */

export const siteRoutes: readonly CenterRoute[] = [
  {
    method: 'POST',
    path: '/api/sites',
    roles: ['centre_admin'],
    body: EnrolSiteSchema,
    async handle(ctx, request) {
      const principal = request.principal;
      if (principal === undefined) throw new Error('staff route without a principal');
      const site = await enrolSite(ctx, principal, request.body as EnrolSiteInput);
      return { kind: 'json', status: 201, data: site };
    },
  },
  {
    method: 'GET',
    path: '/api/sites',
    roles: ['centre_admin', 'supervisor', 'org_staff'],
    async handle(ctx, request) {
      const own =
        request.principal?.role === 'org_staff' ? request.principal.organisationId : undefined;
      const rows = await listSites(ctx.db, own);
      return { kind: 'json', data: rows.map(siteView) };
    },
  },
  {
    method: 'GET',
    path: '/api/sites/:id/alerts',
    roles: ['centre_admin', 'supervisor'],
    async handle(ctx, request) {
      const alerts = await chainAlerts(ctx.db, request.params['id'] ?? '');
      return {
        kind: 'json',
        data: alerts.map((a) => ({
          detectedAt: a.detected_at.toISOString(),
          packageSha256: a.package_sha256,
          known: { seq: a.known_seq, hash: a.known_hash },
          claimed: { seq: a.claimed_seq, hash: a.claimed_hash },
          detail: a.detail,
        })),
      };
    },
  },
];
