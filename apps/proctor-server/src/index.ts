import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createApplication } from './app';
import { loadConfig } from './config';
import { SERVER_VERSION } from './version';

/** Wiring only: real components, listen, graceful shutdown. */
const config = loadConfig(process.argv.slice(2), process.env);
const logger = pino({ name: 'proctor-server', level: config.logLevel });
const httpServer = createServer();
const app = createApplication(httpServer, { version: SERVER_VERSION, now: Date.now, logger });

httpServer.listen(config.port, config.host, () => {
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  logger.info({ port, host: config.host, dataDir: config.dataDir }, 'listening');
  // One machine-readable line for scripts/start.ts and tests.
  process.stdout.write(
    `${JSON.stringify({ event: 'listening', service: 'proctor-server', url: `http://${shownHost}:${port}`, pid: process.pid })}\n`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    app.close(`server stopped (${signal})`).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
