import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  NODE_PROGRAM_NAMES,
  NODE_PROGRAMS,
  ROOT,
  type NodeProgram,
  type NodeProgramName,
} from './build/node-programs';

/**
 * `npm run build:apps` (also run by `npm install` and `npm start`): bundles the CLIs, the
 * proctor server, the web shell and Electron's main/preload with esbuild (docs/decisions/0720).
 *   tsx scripts/build-apps.ts                 every program
 *   tsx scripts/build-apps.ts qbank …         just these
 *   --if-stale                                skip a program whose bundle is newer than every
 *                                             file it was built from (the test setup uses this)
 */

/** The files a build depends on besides its inputs: the build configuration itself. */
const BUILD_SCRIPTS = [
  join(ROOT, 'scripts/build-apps.ts'),
  join(ROOT, 'scripts/build/node-programs.ts'),
  join(ROOT, 'scripts/build/esm-bundle.ts'),
];

const inputsFileOf = (program: NodeProgram) => `${program.bundle}.inputs.json`;

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** True when the bundle exists and no file it was built from changed since. */
export function isFresh(program: NodeProgram): boolean {
  const built = mtimeOf(program.bundle);
  if (built === undefined) return false;
  let inputs: string[];
  try {
    inputs = JSON.parse(readFileSync(inputsFileOf(program), 'utf8')) as string[];
  } catch {
    return false;
  }
  return [...inputs, ...BUILD_SCRIPTS].every((file) => {
    const changed = mtimeOf(file);
    return changed !== undefined && changed <= built;
  });
}

/**
 * Writes a build so that a process starting meanwhile (another test run, `npm start`) never sees
 * half of it: chunks first (their names are content hashes), then the entry by an atomic rename;
 * chunks no longer referenced are removed last.
 */
function writeOutputs(program: NodeProgram, files: { path: string; contents: Uint8Array }[]): void {
  const entry = files.filter((file) => file.path === program.bundle);
  const rest = files.filter((file) => file.path !== program.bundle);
  for (const file of [...rest, ...entry]) {
    mkdirSync(dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  const outdir = dirname(program.bundle);
  const written = new Set(files.map((file) => basename(file.path)));
  for (const name of readdirSync(outdir)) {
    if (/^chunk-[A-Z0-9]+\.mjs(\.map)?$/.test(name) && !written.has(name)) {
      rmSync(join(outdir, name), { force: true });
    }
  }
}

async function buildProgram(program: NodeProgram): Promise<void> {
  const result = await build({ ...program.options, absWorkingDir: ROOT, write: false });
  writeOutputs(program, result.outputFiles);
  const inputs = Object.keys(result.metafile?.inputs ?? {})
    .filter((input) => !input.includes(':'))
    .map((input) => join(ROOT, input));
  writeFileSync(inputsFileOf(program), `${JSON.stringify(inputs)}\n`);
}

/** Builds the named programs (all by default); returns the names it built. */
export async function buildApps(
  names: readonly NodeProgramName[] = NODE_PROGRAM_NAMES,
  options: { ifStale?: boolean } = {},
): Promise<NodeProgramName[]> {
  const todo = names.filter((name) => options.ifStale !== true || !isFresh(NODE_PROGRAMS[name]));
  await Promise.all(todo.map((name) => buildProgram(NODE_PROGRAMS[name])));
  return todo;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const names = args.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !(NODE_PROGRAM_NAMES as string[]).includes(name));
  if (unknown.length > 0) {
    console.error(
      `未知的构建目标 (unknown target): ${unknown.join(', ')}；可选: ${NODE_PROGRAM_NAMES.join(', ')}`,
    );
    process.exit(2);
  }
  const started = performance.now();
  const built = await buildApps(
    names.length === 0 ? NODE_PROGRAM_NAMES : (names as NodeProgramName[]),
    { ifStale: args.includes('--if-stale') },
  );
  console.log(
    built.length === 0
      ? 'apps: bundles up to date'
      : `built ${built.join(', ')} in ${Math.round(performance.now() - started)} ms`,
  );
}
