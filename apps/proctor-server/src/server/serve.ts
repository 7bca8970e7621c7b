import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pino, type Logger } from 'pino';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { createApplication, type Application } from '../app';
import { createArgon2Hasher } from '../auth/password-hasher';
import { scheduleBackups } from '../backup/backup';
import { PID_FILE_NAME, runningServerPid } from '../backup/restore';
import type { ServerConfig } from '../config';
import { openStore } from '../db/store';
import { DEFAULT_SETTINGS, type ServerSettings } from '../settings';
import { ensureSiteTls } from '../tls/site-tls';
import { warnWhileInsecure } from '../tls/insecure-warning';
import { SERVER_VERSION } from '../version';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly app: Application;
  readonly httpServer: HttpServer;
  readonly logger: Logger;
  /** SHA-256 of the site CA (the pin kiosks store); undefined with `--insecure-http`. */
  readonly fingerprint: string | undefined;
  stop(reason?: string): Promise<void>;
}

/**
 * The one way the real server starts (`proctor-server serve`, `npm start`, the fault suite):
 * open the data directory (migrate), claim it with a pid file, listen, back up on a timer.
 */
export async function startServer(
  config: ServerConfig,
  settings: Partial<ServerSettings> = {},
): Promise<RunningServer> {
  const logger = pino({ name: 'proctor-server', level: config.logLevel });
  const other = runningServerPid(config.dataDir);
  if (other !== undefined && other !== process.pid) {
    throw new Error(`数据目录已被另一个服务器进程使用 (pid ${other}): ${config.dataDir}`);
  }
  const store = openStore(config.dataDir, {
    onHeadConflict: (message) => logger.error({ dataDir: config.dataDir }, message),
  });
  const pidFile = join(config.dataDir, PID_FILE_NAME);
  writeFileSync(pidFile, String(process.pid));
  // HTTPS and WSS only, unless explicitly insecure (docs/decisions/0231).
  const siteTls = config.insecureHttp
    ? undefined
    : await ensureSiteTls(config.dataDir, {
        siteName: config.siteName,
        extraNames: config.tlsNames,
        extraIps: config.tlsIps,
      });
  if (siteTls?.created !== undefined)
    logger.info(
      { created: siteTls.created, fingerprint: siteTls.tls.fingerprint },
      'site certificate created',
    );
  if (siteTls?.warning !== undefined) logger.warn(siteTls.warning);
  const httpServer: HttpServer =
    siteTls === undefined
      ? createServer()
      : createHttpsServer({ key: siteTls.tls.key, cert: siteTls.tls.cert, minVersion: 'TLSv1.2' });
  const app = createApplication(httpServer, {
    version: SERVER_VERSION,
    now: Date.now,
    logger,
    store,
    hasher: createArgon2Hasher(),
    settings: {
      ...DEFAULT_SETTINGS,
      backupDir: config.backupDir,
      backupKeep: config.backupKeep,
      ...(config.requiredClientIntegrity.length === 0
        ? {}
        : { requiredClientIntegrity: config.requiredClientIntegrity }),
      ...settings,
    },
  });
  const backups =
    config.backupIntervalMinutes > 0
      ? scheduleBackups(
          store.db,
          config.backupDir,
          config.backupIntervalMinutes * 60_000,
          config.backupKeep,
          Date.now,
          logger,
        )
      : undefined;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `${siteTls === undefined ? 'http' : 'https'}://${shownHost}:${port}`;
  const fingerprint = siteTls?.tls.fingerprint;
  const insecureWarning = siteTls === undefined ? warnWhileInsecure(logger) : undefined;
  logger.info(
    { port, host: config.host, dataDir: config.dataDir, backupDir: config.backupDir, fingerprint },
    'listening',
  );
  // Loaded only when used: the mDNS stack costs start-up time the fault suite's restarts feel.
  const advertisement = config.discovery
    ? (await import('../discovery/advertise')).advertiseServer(
        {
          name: config.siteName,
          port,
          version: SERVER_VERSION,
          instanceId: keyIdOf(store.serverKey.publicKey),
          fingerprint,
        },
        logger,
      )
    : undefined;
  let stopped = false;
  return {
    url,
    port,
    app,
    httpServer,
    logger,
    fingerprint,
    async stop(reason = 'server stopped') {
      if (stopped) return;
      stopped = true;
      backups?.stop();
      insecureWarning?.stop();
      await advertisement?.stop();
      await app.close(reason);
      store.close();
      rmSync(pidFile, { force: true });
    },
  };
}
