import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './run-cli';

/** A long-running program of ours: its esbuild bundle and the TypeScript source it is built from. */
export interface ServiceEntry {
  readonly bundle: string;
  readonly source: string;
}

/** The built artefacts (`npm run build` writes them; docs/decisions/0710) and their sources. */
export const SERVICES = {
  /** The proctor-server CLI; `serve` runs the server. */
  proctorServer: {
    bundle: join(ROOT, 'apps/proctor-server/dist/proctor-server.mjs'),
    source: join(ROOT, 'apps/proctor-server/src/cli/main.ts'),
  },
  /** The web shell: the desktop app's renderer in a browser, author or kiosk kind. */
  webShell: {
    bundle: join(ROOT, 'apps/desktop/dist/web-shell.mjs'),
    source: join(ROOT, 'apps/desktop/src/web/server/index.ts'),
  },
  /** The evaluation centre's CLI; `serve` runs the centre (docs/center.md). */
  center: {
    bundle: join(ROOT, 'apps/center/dist/center.mjs'),
    source: join(ROOT, 'apps/center/src/cli/main.ts'),
  },
} as const satisfies Record<string, ServiceEntry>;

/**
 * The `node` arguments that run a service: its bundle with plain node where it was built, else
 * the source through tsx. `--dev` always runs the source, so an edit shows without a build.
 */
export function nodeArgsFor(entry: ServiceEntry, dev: boolean): string[] {
  if (!dev && existsSync(entry.bundle)) return [entry.bundle];
  return ['--import', 'tsx', entry.source];
}
