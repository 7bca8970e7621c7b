import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@skillexam/shared';
import { Server } from 'socket.io';
import { AnswerCollector } from './answers/answer-collector';
import { registerAnswerHandlers } from './answers/answer.handlers';
import { AttemptService } from './attempts/attempt-service';
import { registerCandidateHandlers } from './attempts/candidate.handlers';
import { registerProctorHandlers } from './attempts/proctor.handlers';
import { candidateLoginRoute, staffLoginRoute } from './auth/auth.routes';
import { LoginGuard } from './auth/login-guard';
import { addStaffRoutes } from './auth/staff.routes';
import { addAuditVerifyRoutes } from './audit/audit-verify.routes';
import { addBackupRoutes } from './backup/backup.routes';
import type { Components } from './components';
import { candidatePhotoRoute } from './console/candidate-photo.route';
import { consoleDownloadRoute } from './console/console-downloads.route';
import { isConsoleRequest, resolveConsoleDir, serveConsole } from './console/console-static';
import { registerConsoleHandlers } from './console/console.handlers';
import { registerContentHandlers } from './content/content.handlers';
import { addExamRoutes } from './exams/exam.routes';
import { addKeyRoutes } from './keys/keys.routes';
import { ExamCatalog } from './exams/exam-repository';
import { Router, sendJson } from './http/router';
import { IncidentService } from './incidents/incident-service';
import { JobRunner } from './jobs/job-runner';
import { addJobRoutes } from './jobs/job.routes';
import { addSiteResultsRoutes } from './results/site-results.routes';
import { addTlsAdminRoutes } from './tls/tls-admin.routes';
import { registerIncidentHandlers } from './incidents/incident.handlers';
import { KioskProofVerifier } from './kiosks/kiosk-proof';
import { addKioskRoutes } from './kiosks/kiosk.routes';
import { MarkingService } from './marking/marking-service';
import { registerMarkingHandlers } from './marking/marking.handlers';
import { registerMonitorHandlers } from './monitor/monitor.handlers';
import { registerRoomHandlers } from './rooms/room.handlers';
import { createScoreOnFinish } from './scoring/score-on-finish';
import type { ServerContext } from './server-context';
import { SessionService } from './sessions/session-service';
import { registerSessionHandlers } from './sessions/session.handlers';
import { addSessionRoutes } from './sessions/session.routes';
import { addSessionAdminRoutes } from './sessions/session-admin.routes';
import { addCandidateAdminRoutes } from './sessions/candidate-admin.routes';
import { addSeatAssignmentRoutes } from './rooms/seat-assignment.routes';
import { createSocketNotifier } from './socket/notifier';
import { createSocketAuth } from './socket/socket-auth';
import { TokenWatch } from './socket/token-watch';
import type { AppSocket } from './socket/validated';
import { FirstRunSetup } from './setup/first-run';
import { addSetupRoutes } from './setup/setup.routes';
import { healthRoute } from './system/health.route';
import { registerSystemHandlers } from './system/system.handlers';

/** Names printed on the console's downloads (考场情况记录, results) until sites configure them. */
const CONSOLE_DOWNLOAD_DEFAULTS = { siteName: '考点', occupationAndLevel: '职业技能等级认定' };

/**
 * The socket handlers, one registration per event namespace (each folder owns its namespace);
 * every event's roles are in src/auth/roles.ts.
 */
const SOCKET_HANDLERS: readonly ((socket: AppSocket, ctx: ServerContext) => void)[] = [
  (socket, ctx) => registerSystemHandlers(socket, ctx.components), // system:*
  registerAnswerHandlers, // answer:save, attempt:resync
  registerCandidateHandlers, // attempt:state/heartbeat/submit…, kiosk:event, auth:logout
  registerContentHandlers, // attempt:identity, attempt:sealed-paper, attempt:content-key
  registerSessionHandlers, // session:*
  registerProctorHandlers, // proctor:*
  registerMonitorHandlers, // monitor:*
  registerMarkingHandlers, // marking:*
  registerRoomHandlers, // room:*
  registerIncidentHandlers, // incident:*
  registerConsoleHandlers, // console:*, results:summary, audit:status
];

export interface Application {
  readonly io: Server<ClientToServerEvents, ServerToClientEvents>;
  readonly context: ServerContext;
  /** The HTTP routes registered, as `METHOD /path` (each has its roles in src/auth/roles.ts). */
  readonly routes: readonly string[];
  /** The first run: `serve` asks it for a set-up code while no exam admin exists (0970). */
  readonly setup: FirstRunSetup;
  /** Flushes queued answers, tells clients, closes every socket, and stops the HTTP server. */
  close(reason?: string): Promise<void>;
}

/**
 * Builds the proctor server on an existing HTTP server (not yet listening).
 * index.ts wires real components; tests pass their own and listen on port 0.
 */
/** How long a stopping server lets clients finish before it closes their connections. */
const SHUTDOWN_GRACE_MS = 1_000;

export function createApplication(httpServer: HttpServer, components: Components): Application {
  const { store, settings, now, logger } = components;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Above the 64 KB payload limit (checked per event with a typed error), below memory trouble.
    maxHttpBufferSize: 1_000_000,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });

  const notifier = createSocketNotifier(io, components.store.db);
  const catalog = new ExamCatalog(store.db);
  const collector = new AnswerCollector(store.db, store.audit, now, logger, {
    flushDelayMs: settings.groupCommitMs,
    maxBatch: settings.groupCommitMaxEvents,
  });
  const attempts = new AttemptService({
    db: store.db,
    audit: store.audit,
    collector,
    notifier,
    now,
    answerGraceMs: settings.answerGraceMs,
    onFinished: createScoreOnFinish(catalog, store.audit, logger),
  });
  const sessions = new SessionService({
    db: store.db,
    audit: store.audit,
    collector,
    notifier,
    attempts,
    now,
  });
  const marking = new MarkingService({
    db: store.db,
    audit: store.audit,
    catalog,
    now,
    policy: { markersRequired: settings.manualMarkersRequired },
  });
  const incidents = new IncidentService({ db: store.db, audit: store.audit, notifier, now });
  const context: ServerContext = {
    components,
    collector,
    attempts,
    sessions,
    catalog,
    notifier,
    marking,
    incidents,
  };

  const loginDeps = {
    db: store.db,
    audit: store.audit,
    settings,
    now,
    guard: new LoginGuard(settings),
    proofs: new KioskProofVerifier(store.db),
  };
  // HTTP routes, one registration per route family; each route's roles are in src/auth/roles.ts.
  const router = new Router()
    .get('/api/health', healthRoute(components, io)) // system
    .post('/api/auth/staff-login', staffLoginRoute({ ...loginDeps, hasher: components.hasher }))
    .post('/api/auth/candidate-login', candidateLoginRoute({ ...loginDeps, notifier }))
    .get('/api/console/download', consoleDownloadRoute(components, CONSOLE_DOWNLOAD_DEFAULTS))
    .get('/api/console/photo', candidatePhotoRoute(components));
  const setup = new FirstRunSetup({
    db: store.db,
    audit: store.audit,
    hasher: components.hasher,
    now,
    dataDir: store.dataDir,
  });
  addSetupRoutes(router, setup); // /api/setup/*
  addStaffRoutes(router, components); // /api/staff/*
  addSessionRoutes(router, components); // /api/sessions*
  addSessionAdminRoutes(router, components); // console set-up pages
  addCandidateAdminRoutes(router, components); // 考生管理
  addSeatAssignmentRoutes(router, components); // console seat page: 排座, 座位表, 门贴
  addExamRoutes(router, components); // /api/exams*
  addKeyRoutes(router, components); // /api/keys*
  addKioskRoutes(router, {
    components,
    credentials: { ...loginDeps, hasher: components.hasher },
    proofs: loginDeps.proofs,
  }); // /api/kiosks*, /api/kiosk/exit*
  const jobs = new JobRunner({ now, logger });
  const backupDir =
    settings.backupDir ??
    (store.dataDir === undefined ? undefined : `${store.dataDir.replace(/[\\/]+$/, '')}-backups`);
  addJobRoutes(router, components, {
    jobs,
    backupDir,
    backupKeep: settings.backupKeep ?? 48,
    ...CONSOLE_DOWNLOAD_DEFAULTS,
  }); // /api/jobs*
  addBackupRoutes(router, components, { backupDir, keep: settings.backupKeep ?? 48 }); // /api/backups*
  addAuditVerifyRoutes(router, components); // /api/audit/verify
  addSiteResultsRoutes(router, components, jobs); // /api/results/* (push, verify)
  addTlsAdminRoutes(router, components, httpServer); // /api/tls*
  const consoleDir = resolveConsoleDir(settings.consoleDir);
  httpServer.on('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/')) return; // socket.io answers these itself
    if (isConsoleRequest(req.url)) {
      serveConsole(consoleDir, req, res);
      return;
    }
    router.handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'http handler failed');
      if (!res.headersSent) {
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error' } });
      }
    });
  });

  const tokenWatch = new TokenWatch(store.db, now);
  io.use(createSocketAuth(store.db, now, tokenWatch));
  io.on('connection', (socket) => {
    for (const register of SOCKET_HANDLERS) register(socket, context);
  });

  // Automatic check-in and auto-submission at the deadline; recomputed from the database,
  // so both survive restarts.
  const sweep = (): void => {
    try {
      sessions.openDueCheckIns();
      attempts.submitOverdue();
    } catch (err) {
      logger.error({ err }, 'deadline sweep failed');
    }
  };
  sweep();
  const sweeper = setInterval(sweep, settings.deadlineSweepMs);
  sweeper.unref();

  return {
    io,
    context,
    routes: router.keys(),
    setup,
    async close(reason = 'server shutting down') {
      clearInterval(sweeper);
      await jobs.close();
      tokenWatch.close();
      collector.close();
      io.emit('system:shutdown', { reason, at: now() });
      await new Promise<void>((resolve) => {
        // A browser keeps HTTP connections open (keep-alive, a page left open): after a short
        // grace the rest are closed, so stopping the server never waits on a client.
        const grace = setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS);
        io.close(() => {
          clearTimeout(grace);
          resolve();
        });
      });
    },
  };
}
