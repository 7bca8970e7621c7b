import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'proctor-server.js');

/**
 * Arguments of the real `proctor-server serve` for a test: loopback, a free port, no LAN
 * announcement, no backup timer; `extra` flags are appended.
 */
export function serveArgs(dataDir: string, ...extra: string[]): string[] {
  return [
    BIN,
    'serve',
    '--data',
    dataDir,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
    '--no-discovery',
    '--backup-interval',
    '0',
    ...extra,
  ];
}

/** Runs `serve` on a data directory it is expected to refuse: its exit status and output. */
export function serveUntilRefused(dataDir: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, serveArgs(dataDir), { encoding: 'utf8', timeout: 30_000 });
}
