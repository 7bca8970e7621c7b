import { fileURLToPath } from 'node:url';
import { bundleWebApp } from '../../../scripts/build/web-app-bundle';

/** Bundles the proctor console for the proctor server's /console route (dist/). `--dev`: unminified. */
const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { script, bytes } = await bundleWebApp({
  name: 'console',
  entry: `${root}src/main.tsx`,
  templateDir: `${root}src`,
  outDir: `${root}dist`,
  dev: process.argv.includes('--dev'),
});
console.log(
  `console built in ${Math.round(performance.now() - started)} ms: dist/${script} (${Math.round(bytes / 1024)} KiB)`,
);
