import type { Components } from '../components';
import type { Router } from '../http/router';
import { readRawBody, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { listImportedExams } from './exam-repository';
import { importExamPackage } from './package-import';

/*
 * Exams over HTTP:
 *   GET  /api/exams          imported exams (every staff role)
 *   POST /api/exams/import   a .exampkg as application/octet-stream (admin); signature checked
 */

export const MAX_EXAM_PACKAGE_BYTES = 256 * 1024 * 1024;

export function addExamRoutes(router: Router, components: Components): Router {
  const { store, now } = components;
  const deps: StaffRouteDeps = { db: store.db, now };
  return router
    .get(
      '/api/exams',
      staffRoute(deps, () => listImportedExams(store.db)),
    )
    .post(
      '/api/exams/import',
      staffRoute(deps, async (req, staff) =>
        importExamPackage(
          store,
          await readRawBody(req, MAX_EXAM_PACKAGE_BYTES),
          `staff:${staff.username}`,
          now(),
        ),
      ),
    );
}
