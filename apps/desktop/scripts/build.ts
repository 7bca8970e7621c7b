import { cp, copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, context, type BuildOptions } from 'esbuild';
import { buildApps } from '../../../scripts/build-apps';

/**
 * Bundles the desktop app with esbuild (docs/decisions/0004-esbuild-bundling.md).
 *   renderer  → dist/renderer/{index.html, renderer.js, web-bridge.js}   (browser, IIFE)
 *   all       → the above plus the Node-side programs scripts/build-apps.ts builds
 *               (decision 0720): dist/main/index.cjs, dist/preload/{author,kiosk}.cjs (Electron)
 *               and dist/web-shell.mjs (the web shell server)
 *   --watch   → rebuild the renderer on change (npm run dev), development build
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const out = (path: string) => `${root}dist/${path}`;
const target = process.argv[2] ?? 'renderer';
const watch = process.argv.includes('--watch');
// Production unless asked otherwise: `npm start`, the tests and the benchmarks run what users run;
// `npm run dev` (watch) builds React's development variant for its warnings.
const production = process.env['NODE_ENV'] !== 'development' && !watch;

const browser: BuildOptions = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome120'],
  sourcemap: true,
  minify: production,
  jsx: 'automatic',
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file' },
  assetNames: 'fonts/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

const rendererBuilds: BuildOptions[] = [
  {
    ...browser,
    entryPoints: [`${root}src/renderer/index.tsx`],
    outfile: out('renderer/renderer.js'),
  },
  {
    ...browser,
    entryPoints: [`${root}src/web/client/install-bridge.ts`],
    outfile: out('renderer/web-bridge.js'),
  },
];

async function copyHtml(): Promise<void> {
  await mkdir(out('renderer'), { recursive: true });
  await copyFile(`${root}src/renderer/index.html`, out('renderer/index.html'));
  await cp(`${root}src/renderer/public`, out('renderer'), { recursive: true });
}

const started = performance.now();
await rm(out('renderer'), { recursive: true, force: true });
await copyHtml();
if (watch) {
  for (const options of rendererBuilds) await (await context(options)).watch();
  console.log('watching the renderer for changes');
} else {
  if (target !== 'all' && target !== 'renderer') throw new Error(`unknown target "${target}"`);
  await Promise.all([
    ...rendererBuilds.map((options) => build(options)),
    ...(target === 'all'
      ? [
          buildApps([
            'electron-main',
            'electron-preload-author',
            'electron-preload-kiosk',
            'web-shell',
          ]),
        ]
      : []),
  ]);
  console.log(`built ${target} in ${Math.round(performance.now() - started)} ms`);
}
