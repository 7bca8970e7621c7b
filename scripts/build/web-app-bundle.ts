import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { build, type Metafile } from 'esbuild';

/**
 * Bundles one React web app (the console, the centre's UI) into a folder its server serves:
 *   index.html, assets/<name>-HASH.js (+ .css, + .map), favicon.svg
 * Content-hashed names let the server cache bundles forever and index.html never. The template
 * `index.html` has `<!-- script -->` and `<!-- style -->` where the tags go. `dev` builds React's
 * development variant without minifying.
 */
export interface WebAppBundle {
  /** Bundle name, e.g. `console`. */
  readonly name: string;
  /** The app's entry, e.g. `src/main.tsx` (absolute). */
  readonly entry: string;
  /** Folder holding `index.html` and `favicon.svg` (absolute). */
  readonly templateDir: string;
  /** Output folder, emptied first (absolute). */
  readonly outDir: string;
  readonly dev: boolean;
}

function outputOf(metafile: Metafile, extension: string): string {
  const file = Object.keys(metafile.outputs).find(
    (path) => path.endsWith(extension) && !path.endsWith('.map'),
  );
  if (file === undefined) throw new Error(`esbuild produced no ${extension} bundle`);
  return file.slice(file.lastIndexOf('/assets/') + 1);
}

/** Builds the bundle; returns the script's path inside `outDir` and the total bytes. */
export async function bundleWebApp(app: WebAppBundle): Promise<{ script: string; bytes: number }> {
  await rm(app.outDir, { recursive: true, force: true });
  await mkdir(`${app.outDir}/assets`, { recursive: true });
  const result = await build({
    entryPoints: { [app.name]: app.entry },
    outdir: `${app.outDir}/assets`,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: ['chrome120'],
    sourcemap: true,
    minify: !app.dev,
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    define: { 'process.env.NODE_ENV': JSON.stringify(app.dev ? 'development' : 'production') },
  });
  const script = outputOf(result.metafile, '.js');
  const hasCss = Object.keys(result.metafile.outputs).some((path) => path.endsWith('.css'));
  const template = await readFile(`${app.templateDir}/index.html`, 'utf8');
  const html = template
    .replace('<!-- script -->', `<script type="module" src="./${script}"></script>`)
    .replace(
      '<!-- style -->',
      hasCss ? `<link rel="stylesheet" href="./${outputOf(result.metafile, '.css')}" />` : '',
    );
  await writeFile(`${app.outDir}/index.html`, html);
  await copyFile(`${app.templateDir}/favicon.svg`, `${app.outDir}/favicon.svg`);
  const bytes = Object.entries(result.metafile.outputs)
    .filter(([path]) => !path.endsWith('.map'))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
  return { script, bytes };
}
