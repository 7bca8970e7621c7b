import { loadConfig } from './config';
import { startServer } from './server/serve';

/** Wiring only: `npm start` / `tsx src/index.ts --port 7300` runs the same path as `proctor-server serve`. */
const config = loadConfig(process.argv.slice(2), process.env);
const server = await startServer(config);
// Handlers first: a supervisor may stop the server the moment it reads the line below.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.logger.info({ signal }, 'shutting down');
    server.stop(`server stopped (${signal})`).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
// One machine-readable line for scripts/start.ts and tests.
process.stdout.write(
  `${JSON.stringify({ event: 'listening', service: 'proctor-server', url: server.url, fingerprint: server.fingerprint, pid: process.pid })}\n`,
);
