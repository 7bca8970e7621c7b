import type { ClientEventName, ConsoleDownload, StaffRole } from '@skillexam/shared';
import type { PrincipalRole } from './principal';

/*
 * The one role table of the server: who may call each socket event (SOCKET_ROLES), each HTTP
 * route (ROUTE_ROLES) and each console download (DOWNLOAD_ROLES). Socket events are checked by
 * socket/actions.ts before the payload is parsed; staff routes by http/staff-route.ts, which
 * looks the route up here. The router refuses to register a route that has no entry.
 */

const CANDIDATE = ['candidate'] as const;
const STAFF_READ = ['admin', 'proctor', 'supervisor'] as const;
/** Room actions: proctors, and exam admins who may stand in. Supervisors only watch. */
const ROOM_ACTION = ['admin', 'proctor'] as const;

/** Anyone, signed in or not: the route checks what it needs itself (a password, a kiosk proof). */
const PUBLIC = ['anonymous', 'candidate', 'admin', 'proctor', 'supervisor'] as const;
const ADMIN = ['admin'] as const;

/**
 * Who may call each socket event. Checked on the server before the payload is even parsed;
 * the type makes a new event without an entry a compile error.
 */
export const SOCKET_ROLES: Readonly<Record<ClientEventName, readonly PrincipalRole[]>> = {
  'system:ping': ['anonymous', 'candidate', 'admin', 'proctor', 'supervisor'],
  'answer:save': CANDIDATE,
  'attempt:resync': CANDIDATE,
  'attempt:state': CANDIDATE,
  'attempt:confirm-identity': CANDIDATE,
  'attempt:identity': CANDIDATE,
  'attempt:sealed-paper': CANDIDATE,
  'attempt:content-key': CANDIDATE,
  'attempt:heartbeat': CANDIDATE,
  'attempt:submit': CANDIDATE,
  'kiosk:event': CANDIDATE,
  'auth:logout': ['candidate', 'admin', 'proctor', 'supervisor'],
  'monitor:snapshot': STAFF_READ,
  'session:open-check-in': ROOM_ACTION,
  'session:start': ROOM_ACTION,
  'session:pause': ROOM_ACTION,
  'session:resume': ROOM_ACTION,
  'session:end': ROOM_ACTION,
  'proctor:admit': ROOM_ACTION,
  'proctor:pause': ROOM_ACTION,
  'proctor:resume': ROOM_ACTION,
  'proctor:extend': ROOM_ACTION,
  // 补时上限 beyond the session rule: exam admin only, with a reason (docs/decisions/0223).
  'proctor:extension-cap': ['admin'],
  'proctor:force-submit': ROOM_ACTION,
  'proctor:void': ROOM_ACTION,
  'proctor:move': ROOM_ACTION,
  'proctor:unlock': ROOM_ACTION,
  'proctor:message': ROOM_ACTION,
  // 座位图 is set-up work of the exam admin.
  'room:set-layout': ['admin'],
  // 考评人员 mark short answers; exam admins may stand in. Supervisors only watch.
  'marking:queue': ROOM_ACTION,
  'marking:submit': ROOM_ACTION,
  // proctor console: supervisors read everything, change nothing
  'console:sessions': STAFF_READ,
  'console:timeline': STAFF_READ,
  'session:assign-proctors': ['admin'],
  // the 督考人员 a session records (docs/decisions/0985): set-up work of the exam admin
  'session:assign-supervisors': ['admin'],
  'incident:list': STAFF_READ,
  'incident:create': ROOM_ACTION,
  'incident:confirm': ROOM_ACTION,
  'results:summary': STAFF_READ,
  'audit:status': STAFF_READ,
};

export function mayCall(role: PrincipalRole, event: ClientEventName): boolean {
  return SOCKET_ROLES[event].includes(role);
}

/** Every HTTP route the server registers, as `METHOD /path`; the router accepts no other. */
export const HTTP_ROUTES = [
  'GET /api/health',
  'POST /api/auth/staff-login',
  'POST /api/auth/candidate-login',
  'GET /api/setup/status',
  'POST /api/setup/first-admin',
  'GET /api/console/download',
  'GET /api/console/photo',
  'GET /api/sessions',
  'POST /api/sessions',
  'POST /api/sessions/proctors',
  'POST /api/sessions/roster',
  'POST /api/sessions/admission-slips',
  'POST /api/sessions/room-layout',
  'GET /api/sessions/setup',
  'POST /api/sessions/update',
  'POST /api/sessions/roster-preview',
  'POST /api/sessions/room-grid',
  'GET /api/sessions/candidates',
  'POST /api/sessions/candidates',
  'POST /api/sessions/candidates/withdraw',
  'POST /api/sessions/candidates/reinstate',
  'GET /api/sessions/seats',
  'POST /api/sessions/seats/auto',
  'POST /api/sessions/seats/assign',
  'GET /api/sessions/seating-chart',
  'GET /api/staff',
  'POST /api/staff',
  'POST /api/staff/reset-password',
  'POST /api/staff/disable',
  'POST /api/staff/enable',
  'POST /api/staff/password',
  'POST /api/staff/unlock',
  'POST /api/kiosks/enroll',
  'GET /api/kiosks',
  'POST /api/kiosks/revoke',
  'POST /api/kiosk/exit-grant',
  'POST /api/kiosk/exit',
  'GET /api/exams',
  'POST /api/exams/import',
  'GET /api/keys/site',
  'GET /api/keys/trusted',
  'POST /api/keys/trusted',
  'POST /api/keys/trusted/revoke',
  'POST /api/jobs/results-export',
  'POST /api/jobs/backup',
  'GET /api/jobs',
  'POST /api/jobs/cancel',
  'GET /api/jobs/file',
  'GET /api/backups',
  'GET /api/backups/file',
  'POST /api/audit/verify',
  'GET /api/results/centre',
  'POST /api/results/push',
  'POST /api/results/verify',
  'GET /api/tls',
  'POST /api/tls/renew',
] as const;

export type HttpRouteKey = (typeof HTTP_ROUTES)[number];
export type HttpMethod = 'GET' | 'POST';
/** The paths registered for one method, e.g. `RoutePath<'GET'>` includes `/api/health`. */
export type RoutePath<M extends HttpMethod> = HttpRouteKey extends infer K
  ? K extends `${M} ${infer P}`
    ? P
    : never
  : never;

/**
 * Who may call each HTTP route; the type makes a route of HTTP_ROUTES without an entry (or an
 * entry for no route) a compile error.
 */
export const ROUTE_ROLES: Readonly<Record<HttpRouteKey, readonly PrincipalRole[]>> = {
  'GET /api/health': PUBLIC,
  // logins and the kiosk exit check a password, exam code, token or kiosk proof themselves
  'POST /api/auth/staff-login': PUBLIC,
  'POST /api/auth/candidate-login': PUBLIC,
  'POST /api/kiosk/exit-grant': PUBLIC,
  'POST /api/kiosk/exit': PUBLIC,
  // first run: the set-up code is checked by the route itself (docs/decisions/0970)
  'GET /api/setup/status': PUBLIC,
  'POST /api/setup/first-admin': PUBLIC,
  // the console's files: every staff role, then DOWNLOAD_ROLES per file and the session scope
  'GET /api/console/download': STAFF_READ,
  'GET /api/console/photo': STAFF_READ,
  'GET /api/sessions': STAFF_READ,
  'GET /api/exams': STAFF_READ,
  // set-up work of the exam admin (docs/decisions/0263, 0216, 0219)
  'POST /api/sessions': ADMIN,
  'POST /api/sessions/proctors': ADMIN,
  'POST /api/sessions/roster': ADMIN,
  'POST /api/sessions/admission-slips': ADMIN,
  'POST /api/sessions/room-layout': ADMIN,
  // the console's session, roster and seat-map pages (docs/decisions/0965–0967)
  'GET /api/sessions/setup': ADMIN,
  'POST /api/sessions/update': ADMIN,
  'POST /api/sessions/roster-preview': ADMIN,
  'POST /api/sessions/room-grid': ADMIN,
  // 考生管理: add, withdraw, reinstate one candidate (docs/decisions/0973–0976)
  'GET /api/sessions/candidates': ADMIN,
  'POST /api/sessions/candidates': ADMIN,
  'POST /api/sessions/candidates/withdraw': ADMIN,
  'POST /api/sessions/candidates/reinstate': ADMIN,
  // the console's seat page: 排座 before check-in, 座位表 and 门贴 (docs/decisions/0977–0979)
  'GET /api/sessions/seats': ADMIN,
  'POST /api/sessions/seats/auto': ADMIN,
  'POST /api/sessions/seats/assign': ADMIN,
  'GET /api/sessions/seating-chart': ADMIN,
  // the console's 人员 and 密钥与试卷包 pages (docs/decisions/0960, 0962)
  'GET /api/staff': ADMIN,
  'POST /api/staff': ADMIN,
  'POST /api/staff/reset-password': ADMIN,
  'GET /api/keys/site': ADMIN,
  'GET /api/keys/trusted': ADMIN,
  'POST /api/keys/trusted': ADMIN,
  'POST /api/keys/trusted/revoke': ADMIN,
  'POST /api/staff/disable': ADMIN,
  'POST /api/staff/enable': ADMIN,
  'POST /api/staff/password': ADMIN,
  'POST /api/staff/unlock': ADMIN,
  'POST /api/kiosks/enroll': ADMIN,
  'GET /api/kiosks': ADMIN,
  'POST /api/kiosks/revoke': ADMIN,
  'POST /api/exams/import': ADMIN,
  // long operations with progress and cancel: the exam admin's (docs/decisions/0948)
  'POST /api/jobs/results-export': ADMIN,
  'POST /api/jobs/backup': ADMIN,
  'GET /api/jobs': ADMIN,
  'POST /api/jobs/cancel': ADMIN,
  'GET /api/jobs/file': ADMIN,
  // 备份与恢复: the backup folder and its files are the exam admin's (docs/decisions/0981)
  'GET /api/backups': ADMIN,
  'GET /api/backups/file': ADMIN,
  // 审计 立即校验: the full `audit verify`, for those who answer for the record (0983)
  'POST /api/audit/verify': ['admin', 'supervisor'],
  // results push / verify and the site certificate, as the CLI offers them (0991–0993)
  'GET /api/results/centre': ADMIN,
  'POST /api/results/push': ADMIN,
  'POST /api/results/verify': ADMIN,
  'GET /api/tls': ADMIN,
  'POST /api/tls/renew': ADMIN,
};

/** Whether `key` (`METHOD /path`) is a route of the table. */
export function isHttpRouteKey(key: string): key is HttpRouteKey {
  return Object.hasOwn(ROUTE_ROLES, key);
}

/**
 * Who may download each console file (GET /api/console/download): files with the answer key,
 * per-option correctness or item statistics are the exam admin's (docs/decisions/0220).
 */
export const DOWNLOAD_ROLES: Readonly<Record<ConsoleDownload, readonly StaffRole[]>> = {
  'incident-record': STAFF_READ,
  'score-summary': ADMIN,
  'answer-sheets': ADMIN,
  'results-package': ADMIN,
  'item-statistics': ADMIN,
  responses: ADMIN,
};
