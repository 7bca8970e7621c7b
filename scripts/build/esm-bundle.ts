import { readFile } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

/**
 * The esbuild options of every Node program we ship as one ESM file (docs/decisions/0720):
 * `qbank`, `proctor-server` (incl. `serve`) and the web shell. Workspace sources and the small
 * pure-JS dependencies are bundled (one file to read instead of hundreds to resolve); what cannot
 * or should not be bundled stays an `import` of node_modules:
 *   - native modules (better-sqlite3, argon2) and what loads them;
 *   - the heavy libraries that only some commands use (exceljs, pdfkit, highs, mammoth): loaded
 *     by a dynamic import inside those commands, so `qbank --version` never reads them;
 *   - libraries that read files beside themselves (pdfkit's font metrics, highs' wasm).
 * Code splitting puts each lazily imported command in its own chunk beside the entry.
 */
export const EXTERNAL_PACKAGES = [
  'better-sqlite3',
  'argon2',
  'exceljs',
  'pdfkit',
  'highs',
  'mammoth',
  'electron',
] as const;

/** Lets bundled CommonJS dependencies `require()` Node's built-ins from an ES module. */
const REQUIRE_SHIM =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);";

/**
 * Our sources locate files beside themselves (`new URL('../../assets/…', import.meta.url)`).
 * In a bundle `import.meta.url` is the bundle's own URL, so each source file's
 * `import.meta.url` becomes its original location, expressed relative to the output directory:
 * the bundles stay inside the repository (or an installed copy of it) and find the same files.
 * A CommonJS bundle (Electron's main process) has no `import.meta`: there it is `__filename`'s URL.
 */
export function sourceUrlPlugin(outdir: string, format: 'esm' | 'cjs' = 'esm'): Plugin {
  const bundleUrl =
    format === 'esm' ? 'import.meta.url' : "require('node:url').pathToFileURL(__filename)";
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?tsx?$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const fromOutdir = relative(outdir, args.path).split(sep).join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromOutdir)}, ${bundleUrl}).href`,
          ),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/** One ESM bundle `outdir/<name>.mjs` (plus shared `chunk-*.mjs`) from a TypeScript entry. */
export function esmBundleOptions(name: string, entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: { [name]: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: ['node20.19'],
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    external: [...EXTERNAL_PACKAGES],
    banner: { js: REQUIRE_SHIM },
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: [sourceUrlPlugin(outdir)],
  };
}
