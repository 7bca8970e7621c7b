import type { IncomingMessage, ServerResponse } from 'node:http';
import { CodedError, CONSOLE_DOWNLOADS, type ConsoleDownload } from '@skillexam/shared';
import { latestCheckpoint } from '../audit/audit-repository';
import type { PrincipalRole } from '../auth/principal';
import { DOWNLOAD_ROLES } from '../auth/roles';
import { assertStaffMaySee } from '../auth/session-scope';
import type { Components } from '../components';
import { exportResultsFile } from '../export/results-export';
import { incidentRecordFile, type ResultsFile } from '../export/results-files';
import { sendError, type RouteHandler } from '../http/router';
import { requireStaff, type StaffPrincipal } from '../http/staff-route';
import { findSession } from '../sessions/session-repository';
import { assertKeyReleased, recordKeyRelease } from './key-release';

/*
 * GET /api/console/download?sessionId=…&file=… — the console's downloads, with the staff token in
 * the Authorization header (the console fetches and saves the blob; no token in any URL).
 *   incident-record   考场情况记录 PDF             every staff role
 *   score-summary     成绩汇总表 .xlsx             admin (results:export)
 *   answer-sheets     考生答卷 PDF                  admin
 *   results-package   signed results package JSON  admin
 *   item-statistics   试题分析 JSON (item analysis) admin
 *   responses         作答数据 CSV for `qbank stats import` (anonymous)  admin
 *
 * A proctor downloads only for sessions they may see (docs/decisions/0221). Files that carry
 * the answer key — answer sheets, the results package, the item statistics and the responses
 * file — are refused while any session of the exam has not ended (docs/decisions/0220).
 */

type DownloadFile = ConsoleDownload;

const EXPORT_FILE: Readonly<Record<Exclude<DownloadFile, 'incident-record'>, ResultsFile>> = {
  'score-summary': 'scoreSummary',
  'answer-sheets': 'answerSheets',
  'results-package': 'resultsPackage',
  'item-statistics': 'itemStatistics',
  responses: 'responses',
};

const TYPES: Readonly<Record<DownloadFile, { type: string; name: string }>> = {
  'incident-record': { type: 'application/pdf', name: '考场情况记录.pdf' },
  'score-summary': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: '成绩汇总表.xlsx',
  },
  'answer-sheets': { type: 'application/pdf', name: '考生答卷.pdf' },
  'results-package': { type: 'application/json', name: 'results.json' },
  'item-statistics': { type: 'application/json', name: 'item-analysis.json' },
  responses: { type: 'text/csv; charset=utf-8', name: '作答数据.csv' },
};

/** Files that show the key, per-option correctness or item statistics. */
const CARRIES_KEY: ReadonlySet<DownloadFile> = new Set([
  'answer-sheets',
  'results-package',
  'item-statistics',
  'responses',
]);
export interface DownloadOptions {
  readonly siteName: string;
  readonly occupationAndLevel: string;
}

/** The staff member behind the bearer token, if they hold one of the route's `roles`. */
export function staffOf(
  req: IncomingMessage,
  components: Components,
  roles: readonly PrincipalRole[],
): StaffPrincipal {
  const deps = { db: components.store.db, now: components.now };
  return requireStaff(deps, req, roles);
}

/**
 * The one file asked for, built on its own with the export's builder (docs/decisions/0980):
 * the same content as that file of `results export`, after the same audit verification.
 */
async function fileBytes(
  components: Components,
  sessionId: string,
  file: DownloadFile,
  options: DownloadOptions,
): Promise<Uint8Array> {
  const now = new Date(components.now());
  const { store } = components;
  if (file === 'incident-record') {
    // every staff role, no answers read: pinned to the audit chain only (0214)
    return incidentRecordFile(store, sessionId, { ...options, now }, latestCheckpoint(store.db));
  }
  const built = await exportResultsFile(store, EXPORT_FILE[file], { sessionId, now, ...options });
  return built.bytes;
}

export function consoleDownloadRoute(
  components: Components,
  options: DownloadOptions,
): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, route) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const staff = staffOf(req, components, route.roles);
      const { role } = staff;
      const sessionId = url.searchParams.get('sessionId') ?? '';
      const file = url.searchParams.get('file') ?? '';
      if (!(CONSOLE_DOWNLOADS as readonly string[]).includes(file))
        throw new CodedError('BAD_REQUEST', `file: 应为 ${CONSOLE_DOWNLOADS.join(' / ')} 之一`);
      const kind = file as DownloadFile;
      if (!DOWNLOAD_ROLES[kind].includes(role))
        throw new CodedError(
          'FORBIDDEN',
          `角色 ${role} 不能下载 ${file} (role may not download it)`,
        );
      // the scope check first: a proctor learns nothing about sessions they are not assigned to,
      // not even whether one exists (FORBIDDEN, docs/decisions/0221)
      assertStaffMaySee(components.store.db, staff, sessionId);
      if (findSession(components.store.db, sessionId) === undefined)
        throw new CodedError('NOT_FOUND', `考试场次 ${sessionId} 不存在 (unknown session)`);
      if (CARRIES_KEY.has(kind)) assertKeyReleased(components.store.db, sessionId);
      if (CARRIES_KEY.has(kind)) {
        // recorded before the file is made, so a results package pins its own release (0220)
        const { store } = components;
        recordKeyRelease(
          store.db,
          store.audit,
          sessionId,
          kind,
          `staff:${staff.username}`,
          components.now(),
        );
      }
      const bytes = await fileBytes(components, sessionId, kind, options);
      const { type, name } = TYPES[kind];
      res.writeHead(200, {
        'content-type': type,
        'content-length': bytes.byteLength,
        'content-disposition': `attachment; filename="${file}-${sessionId}${name.slice(name.lastIndexOf('.'))}"; filename*=UTF-8''${encodeURIComponent(`${sessionId}-${name}`)}`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      res.end(bytes);
    } catch (error) {
      sendError(res, error);
    }
  };
}
