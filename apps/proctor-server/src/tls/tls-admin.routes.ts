import type { Server as HttpServer } from 'node:http';
import { TlsRenewRequestSchema } from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { readJsonInput, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { renewSiteCertificate, showSiteCertificate } from './tls-admin';

/*
 * The site certificate over HTTP (admin only, ROUTE_ROLES; docs/decisions/0993):
 *   GET  /api/tls         what `tls show` prints (never creates one)
 *   POST /api/tls/renew   JSON { reason } → `tls renew`, same CA, audited
 */

export function addTlsAdminRoutes(
  router: Router,
  components: Components,
  server: HttpServer,
): Router {
  const deps: StaffRouteDeps = { db: components.store.db, now: components.now };
  return router
    .get(
      '/api/tls',
      staffRoute(deps, () => showSiteCertificate(components, server)),
    )
    .post(
      '/api/tls/renew',
      staffRoute(deps, async (req, staff) => {
        const { reason } = await readJsonInput(req, TlsRenewRequestSchema);
        return renewSiteCertificate(components, server, reason, `staff:${staff.username}`);
      }),
    );
}
