import { fileURLToPath } from 'node:url';
import { bundleWebApp } from '../../../scripts/build/web-app-bundle';

/** Bundles the centre's web UI for the centre server (dist/web/). `--dev`: unminified. */
const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const { script, bytes } = await bundleWebApp({
  name: 'center',
  entry: `${root}web/src/main.tsx`,
  templateDir: `${root}web/src`,
  outDir: `${root}dist/web`,
  dev: process.argv.includes('--dev'),
});
console.log(
  `centre web UI built in ${Math.round(performance.now() - started)} ms: dist/web/${script} (${Math.round(bytes / 1024)} KiB)`,
);
