import { queryAll, sql } from '../db/sql';
import type { Components } from '../components';
import { importExamPackage } from '../exams/package-import';
import type { Router } from './router';
import { readRawBody, staffRoute, type StaffRouteDeps } from './staff-route';

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
      staffRoute(deps, ['admin', 'proctor', 'supervisor'], () =>
        queryAll<{ id: string; title: string; imported_at: number; sessions: number }>(
          store.db,
          sql`SELECT e.id, e.title, e.imported_at, (SELECT count(*) FROM sessions s WHERE s.exam_id = e.id) AS sessions
              FROM exams e ORDER BY e.imported_at DESC, e.id`,
        ).map((row) => ({
          examId: row.id,
          title: row.title,
          importedAt: row.imported_at,
          sessions: row.sessions,
        })),
      ),
    )
    .post(
      '/api/exams/import',
      staffRoute(deps, ['admin'], async (req, staff) =>
        importExamPackage(
          store,
          await readRawBody(req, MAX_EXAM_PACKAGE_BYTES),
          `staff:${staff.username}`,
          now(),
        ),
      ),
    );
}
