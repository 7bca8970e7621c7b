import { auditRoutes } from '../audit/audit.routes';
import { authRoutes } from '../auth/auth.routes';
import { organisationRoutes } from '../auth/organisation.routes';
import { staffRoutes } from '../auth/staff.routes';
import type { CenterRoute } from '../http/center-route';
import { ingestRoutes } from '../ingest/ingest.routes';
import { resultsRoutes } from '../results/results.routes';
import { siteRoutes } from '../sites/site.routes';
import { healthRoutes } from './health.routes';
import { CERTIFICATE_ROUTES } from '../certificates/certificate-routes';
import { RANGE_ROUTES } from '../certificates/range-routes';
import { lookupRoutes } from '../lookup/lookup-routes';
import { BATCH_ROUTES } from '../batches/batch-routes';
import { SUPERVISION_ROUTES } from '../supervision/supervision-routes';
import { STATISTICS_ROUTES } from '../statistics/statistics-routes';

/*
 * Every route of the centre. A folder adds its list here with one line; the server registers
 * them all, and test/http/refusals.test.ts calls each unauthenticated and with a wrong role.
 */
export const CENTER_ROUTES: readonly CenterRoute[] = [
  ...healthRoutes,
  ...authRoutes,
  ...staffRoutes,
  ...organisationRoutes,
  ...auditRoutes,
  ...siteRoutes,
  ...ingestRoutes(),
  ...resultsRoutes,
  ...RANGE_ROUTES,
  ...CERTIFICATE_ROUTES,
  ...lookupRoutes,
  ...BATCH_ROUTES,
  ...SUPERVISION_ROUTES,
  ...STATISTICS_ROUTES,
];
