import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HostEventHub } from '../../host/host-event-hub';
import { createHostHandlers } from '../../host/host-handlers';
import { DESKTOP_VERSION } from '../../host/version';
import { startWebShell } from './web-shell';

/** `npm run web`: serve the renderer to a browser, with the host running in this process. */
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: 'string', default: process.env['WEB_SHELL_PORT'] ?? '5174' },
    host: { type: 'string', default: process.env['WEB_SHELL_HOST'] ?? '127.0.0.1' },
    kind: { type: 'string', default: 'author' },
    'journal-dir': {
      type: 'string',
      default: process.env['WEB_SHELL_JOURNAL_DIR'] ?? '.data/web-shell/journals',
    },
    /** The proctor server's site CA fingerprint (`proctor-server tls show`): pin that site. */
    'server-fingerprint': {
      type: 'string',
      default: process.env['WEB_SHELL_SERVER_FINGERPRINT'] ?? '',
    },
    'bank-dir': {
      type: 'string',
      default: process.env['WEB_SHELL_BANK_DIR'] ?? '.data/web-shell/banks',
    },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  throw new Error(`--port: expected an integer 0–65535, got "${values.port}"`);
}
if (values.kind !== 'author' && values.kind !== 'kiosk') {
  throw new Error(`--kind: expected "author" or "kiosk", got "${values.kind}"`);
}

const journalDir = resolve(values['journal-dir']);
mkdirSync(journalDir, { recursive: true });
const events = new HostEventHub();
const shell = await startWebShell({
  rendererDir: fileURLToPath(new URL('../../../dist/renderer', import.meta.url)),
  handlers: createHostHandlers({
    runtime: 'node',
    version: DESKTOP_VERSION,
    journalDir,
    settingsFile: resolve(journalDir, '..', 'kiosk-settings.json'),
    bankDir: resolve(values['bank-dir']),
    publish: events.publish,
    ...(values['server-fingerprint'] === ''
      ? {}
      : { expectedFingerprint: values['server-fingerprint'] }),
  }),
  events,
  kind: values.kind,
  host: values.host,
  port,
});
process.stdout.write(
  `${JSON.stringify({ event: 'listening', service: 'web-shell', url: shell.url, pid: process.pid })}\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    shell.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
