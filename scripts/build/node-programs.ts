import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { esmBundleOptions, sourceUrlPlugin } from './esm-bundle';

/** Repository root (scripts/build/ → ../../). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A Node-side program we ship built: where its bundle goes and the source it is built from. */
export interface NodeProgram {
  /** The file the bins and `npm start` run. */
  readonly bundle: string;
  readonly options: BuildOptions;
}

function esmProgram(name: string, source: string, outdir: string): NodeProgram {
  const dir = join(ROOT, outdir);
  return {
    bundle: join(dir, `${name}.mjs`),
    options: esmBundleOptions(name, join(ROOT, source), dir),
  };
}

function withExternal(program: NodeProgram, external: readonly string[]): NodeProgram {
  return {
    ...program,
    options: { ...program.options, external: [...(program.options.external ?? []), ...external] },
  };
}

/** Electron's main process and preloads: CommonJS, as Electron loads them (decision 0004). */
function electronProgram(source: string, outfile: string): NodeProgram {
  return {
    bundle: join(ROOT, outfile),
    options: {
      entryPoints: [join(ROOT, source)],
      outfile: join(ROOT, outfile),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: ['node22'],
      sourcemap: true,
      external: ['electron', 'better-sqlite3', 'argon2'],
      logLevel: 'warning',
      metafile: true,
      plugins: [sourceUrlPlugin(dirname(join(ROOT, outfile)), 'cjs')],
    },
  };
}

/**
 * Every Node-side artefact (docs/decisions/0720). The paths are fixed: the bins, `npm start`
 * (scripts/start.ts) and the Electron app (apps/desktop/package.json "main") run these files.
 */
export const NODE_PROGRAMS = {
  qbank: esmProgram('qbank', 'packages/item-bank/src/cli/main.ts', 'packages/item-bank/dist'),
  'proctor-server': esmProgram(
    'proctor-server',
    'apps/proctor-server/src/cli/main.ts',
    'apps/proctor-server/dist',
  ),
  // The centre: PGlite loads its wasm beside its own module and pg may require pg-native, so
  // both stay imports of node_modules.
  center: withExternal(esmProgram('center', 'apps/center/src/cli/main.ts', 'apps/center/dist'), [
    '@electric-sql/pglite',
    'pg',
  ]),
  'web-shell': esmProgram('web-shell', 'apps/desktop/src/web/server/index.ts', 'apps/desktop/dist'),
  // The workbench's assembly worker thread (docs/decisions/0951): started by the host, built.
  'assembly-worker': esmProgram(
    'assembly-worker',
    'apps/desktop/src/host/bank/assembly-worker.ts',
    'apps/desktop/dist',
  ),
  'electron-main': electronProgram(
    'apps/desktop/src/main/index.ts',
    'apps/desktop/dist/main/index.cjs',
  ),
  'electron-preload-author': electronProgram(
    'apps/desktop/src/preload/author.ts',
    'apps/desktop/dist/preload/author.cjs',
  ),
  'electron-preload-kiosk': electronProgram(
    'apps/desktop/src/preload/kiosk.ts',
    'apps/desktop/dist/preload/kiosk.cjs',
  ),
} as const satisfies Record<string, NodeProgram>;

export type NodeProgramName = keyof typeof NODE_PROGRAMS;

export const NODE_PROGRAM_NAMES = Object.keys(NODE_PROGRAMS) as NodeProgramName[];
