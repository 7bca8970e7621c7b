import { ResultsPushRequestSchema } from '@skillexam/shared';
import type { Components } from '../components';
import type { Router } from '../http/router';
import { readJsonInput, readRawBody, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import type { JobRunner } from '../jobs/job-runner';
import { centreSetting, pushSessionResults } from './push-session-results';
import { verifyReportLines, verifyResultsBytes } from './verify-results-bytes';

/*
 * The results tasks of `proctor-server results` in the console's 成绩导出 page (admin only,
 * ROUTE_ROLES; docs/decisions/0991, 0992):
 *   GET  /api/results/centre   the evaluation centre address remembered for the site
 *   POST /api/results/push     JSON { sessionId, centreUrl } → the centre's verdict (audited)
 *   POST /api/results/verify   raw package bytes → what `results verify` prints
 */

/** Results packages of a large site are a few MiB; the check is done in memory. */
export const MAX_RESULTS_PACKAGE_BYTES = 64 * 1024 * 1024;

export function addSiteResultsRoutes(
  router: Router,
  components: Components,
  jobs: JobRunner,
): Router {
  const deps: StaffRouteDeps = { db: components.store.db, now: components.now };
  return router
    .get(
      '/api/results/centre',
      staffRoute(deps, () => centreSetting(components)),
    )
    .post(
      '/api/results/push',
      staffRoute(deps, async (req, staff) => {
        const input = await readJsonInput(req, ResultsPushRequestSchema);
        return pushSessionResults(components, jobs, staff, input);
      }),
    )
    .post(
      '/api/results/verify',
      staffRoute(deps, async (req) => {
        const report = verifyResultsBytes(await readRawBody(req, MAX_RESULTS_PACKAGE_BYTES));
        return { ...report, lines: verifyReportLines(report) };
      }),
    );
}
