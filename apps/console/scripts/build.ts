import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';

/**
 * Bundles the proctor console for the proctor server's /console route:
 *   dist/index.html, dist/assets/console-HASH.js (+ .css, + .map), dist/favicon.svg
 * Content-hashed names let the server cache bundles forever and index.html never.
 * `--dev` builds React's development variant without minifying.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
const production = !process.argv.includes('--dev');

const started = performance.now();
await rm(dist, { recursive: true, force: true });
await mkdir(`${dist}/assets`, { recursive: true });
const result = await build({
  entryPoints: { console: `${root}src/main.tsx` },
  outdir: `${dist}/assets`,
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: ['chrome120'],
  sourcemap: true,
  minify: production,
  jsx: 'automatic',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
});

function outputOf(metafile: Metafile, extension: string): string {
  const file = Object.keys(metafile.outputs).find(
    (path) => path.endsWith(extension) && !path.endsWith('.map'),
  );
  if (file === undefined) throw new Error(`esbuild produced no ${extension} bundle`);
  return file.slice(file.lastIndexOf('/assets/') + 1);
}

const script = outputOf(result.metafile, '.js');
const hasCss = Object.keys(result.metafile.outputs).some((path) => path.endsWith('.css'));
const template = await readFile(`${root}src/index.html`, 'utf8');
const html = template
  .replace('<!-- script -->', `<script type="module" src="./${script}"></script>`)
  .replace(
    '<!-- style -->',
    hasCss ? `<link rel="stylesheet" href="./${outputOf(result.metafile, '.css')}" />` : '',
  );
await writeFile(`${dist}/index.html`, html);
await copyFile(`${root}src/favicon.svg`, `${dist}/favicon.svg`);
const bytes = Object.entries(result.metafile.outputs)
  .filter(([path]) => !path.endsWith('.map'))
  .reduce((sum, [, output]) => sum + output.bytes, 0);
console.log(
  `console built in ${Math.round(performance.now() - started)} ms: dist/${script} (${Math.round(bytes / 1024)} KiB)`,
);
