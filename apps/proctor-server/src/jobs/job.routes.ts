import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CodedError } from '@skillexam/shared';
import { z } from 'zod';
import type { Components } from '../components';
import { sendError, type RouteHandler, type Router } from '../http/router';
import {
  queryParam,
  readJsonInput,
  requireStaff,
  staffRoute,
  type StaffRouteDeps,
} from '../http/staff-route';
import type { JobRunner } from './job-runner';
import { backupJob, resultsExportJob } from './job-work';

/*
 * Long staff operations over HTTP (exam admin only, ROUTE_ROLES; docs/decisions/0947, 0948):
 *   POST /api/jobs/results-export   JSON { sessionId, siteName?, occupationAndLevel? } → job
 *   POST /api/jobs/backup           JSON {} → job
 *   GET  /api/jobs[?id=]            the caller's jobs, or one job (poll it for progress)
 *   POST /api/jobs/cancel           JSON { id } → the job (status becomes `cancelled`)
 *   GET  /api/jobs/file?id=&name=   one file of a finished job, streamed
 * A job is visible to the staff member who started it only; any other id is NOT_FOUND.
 */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const JOB_ID = /^[0-9a-f-]{36}$/;
const TEXT = z.string().trim().min(1).max(100);

const ExportBodySchema = z.strictObject({
  sessionId: z.string().regex(ID),
  siteName: TEXT.optional(),
  occupationAndLevel: TEXT.optional(),
});
const CancelBodySchema = z.strictObject({ id: z.string().regex(JOB_ID) });

export interface JobRouteOptions {
  readonly jobs: JobRunner;
  /** Where backups go (the server's --backup-dir); without it a backup job is refused. */
  readonly backupDir: string | undefined;
  readonly backupKeep: number;
  /** Printed on the exported files until the request names them. */
  readonly siteName: string;
  readonly occupationAndLevel: string;
}

function jobFileRoute(deps: StaffRouteDeps, jobs: JobRunner): RouteHandler {
  return async (req, res, route) => {
    try {
      const staff = requireStaff(deps, req, route.roles);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = jobs.file(
        queryParam(url, 'id', JOB_ID),
        staff.username,
        queryParam(url, 'name'),
      );
      const { size } = await stat(file.path);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': size,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(file.path)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      sendError(res, error);
    }
  };
}

export function addJobRoutes(router: Router, components: Components, options: JobRouteOptions) {
  const { jobs } = options;
  const deps: StaffRouteDeps = { db: components.store.db, now: components.now };
  return router
    .post(
      '/api/jobs/results-export',
      staffRoute(deps, async (req, staff) => {
        const body = await readJsonInput(req, ExportBodySchema);
        return jobs.start(
          resultsExportJob(components, staff, {
            sessionId: body.sessionId,
            siteName: body.siteName ?? options.siteName,
            occupationAndLevel: body.occupationAndLevel ?? options.occupationAndLevel,
          }),
        );
      }),
    )
    .post(
      '/api/jobs/backup',
      staffRoute(deps, async (req, staff) => {
        await readJsonInput(req, z.strictObject({}));
        if (options.backupDir === undefined)
          throw new CodedError(
            'UNAVAILABLE',
            '此服务器没有备份目录，不能备份 (no backup folder: the database is in memory)',
          );
        return jobs.start(
          backupJob(components, staff, { backupDir: options.backupDir, keep: options.backupKeep }),
        );
      }),
    )
    .get(
      '/api/jobs',
      staffRoute(deps, (_req, staff, url) =>
        url.searchParams.has('id')
          ? jobs.get(queryParam(url, 'id', JOB_ID), staff.username)
          : jobs.list(staff.username),
      ),
    )
    .post(
      '/api/jobs/cancel',
      staffRoute(deps, async (req, staff) => {
        const { id } = await readJsonInput(req, CancelBodySchema);
        return jobs.cancel(id, staff.username);
      }),
    )
    .get('/api/jobs/file', jobFileRoute(deps, jobs));
}
