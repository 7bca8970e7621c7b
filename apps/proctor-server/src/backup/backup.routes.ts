import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CodedError } from '@skillexam/shared';
import type { Components } from '../components';
import { sendError, type RouteHandler, type Router } from '../http/router';
import { queryParam, requireStaff, staffRoute, type StaffRouteDeps } from '../http/staff-route';
import { backupEntries, backupFileFor } from './backup-list';

/*
 * The console's 备份与恢复 page (exam admin only, ROUTE_ROLES; docs/decisions/0981, 0982):
 *   GET /api/backups             the backup folder's backups, newest first, with the exact
 *                                `proctor-server restore` / `audit verify` commands for this server
 *   GET /api/backups/file?name=  one listed backup (or the witness beside it), streamed; audited
 * A backup now is the job POST /api/jobs/backup. Restoring is not offered over HTTP: it needs
 * the server stopped (0982).
 */

/** A backup's name or its witness's: nothing else is ever looked up. */
const FILE_NAME = /^server-\d{8}T\d{9}Z\.db(\.head\.json)?$/;

export interface BackupRouteOptions {
  /** The server's backup folder; undefined for an in-memory database (no backups). */
  readonly backupDir: string | undefined;
  readonly keep: number;
}

function backupDirOf(options: BackupRouteOptions): string {
  if (options.backupDir === undefined)
    throw new CodedError(
      'UNAVAILABLE',
      '此服务器没有备份目录 (no backup folder: the database is in memory)',
    );
  return options.backupDir;
}

function backupFileRoute(
  components: Components,
  deps: StaffRouteDeps,
  options: BackupRouteOptions,
): RouteHandler {
  return async (req, res, route) => {
    try {
      const staff = requireStaff(deps, req, route.roles);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const name = queryParam(url, 'name', FILE_NAME);
      const path = backupFileFor(backupDirOf(options), name);
      if (path === undefined)
        throw new CodedError('NOT_FOUND', `备份文件不存在: ${name} (no such backup in the list)`);
      const { size } = await stat(path);
      // a backup holds every candidate's answers and personal data: its leaving is on record
      const { store } = components;
      store.audit.append(
        store.db,
        {
          actor: `staff:${staff.username}`,
          action: 'backup.downloaded',
          payload: { name, bytes: size },
        },
        components.now(),
      );
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': size,
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      createReadStream(path)
        .on('error', () => res.destroy())
        .pipe(res);
    } catch (error) {
      sendError(res, error);
    }
  };
}

export function addBackupRoutes(
  router: Router,
  components: Components,
  options: BackupRouteOptions,
): Router {
  const deps: StaffRouteDeps = { db: components.store.db, now: components.now };
  const { dataDir } = components.store;
  return router
    .get(
      '/api/backups',
      staffRoute(deps, () => {
        if (options.backupDir === undefined || dataDir === undefined)
          return { available: false, keep: options.keep, backups: [] };
        return {
          available: true,
          backupDir: resolve(options.backupDir),
          dataDir: resolve(dataDir),
          keep: options.keep,
          // the process restore waits for: it refuses while this pid holds the data folder
          serverPid: process.pid,
          backups: backupEntries(resolve(options.backupDir), resolve(dataDir)),
        };
      }),
    )
    .get('/api/backups/file', backupFileRoute(components, deps, options));
}
