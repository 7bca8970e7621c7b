import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * Every database's migrations are one file each, each with its own test, and every file is
 * listed by its folder's `index.ts` (so a step can neither be forgotten in the list nor sit
 * untested). One check for every migrations folder of the repository, new ones included.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', '.tsbuild', 'dist']);
const STEP = /^\d{4}-[\w-]+\.ts$/;

function migrationFolders(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.name === 'migrations') found.push(path);
    else migrationFolders(path, found);
  }
  return found;
}

const folders = ['apps', 'packages']
  .flatMap((top) => migrationFolders(join(root, top)))
  .filter((folder) => readdirSync(folder).some((file) => STEP.test(file)));

/** What is wrong with one migrations folder: steps without a test or missing from index.ts. */
function problemsOf(folder: string): string[] {
  const files = readdirSync(folder);
  const steps = files.filter((file) => STEP.test(file) && !file.endsWith('.test.ts'));
  const index = files.includes('index.ts') ? readFileSync(join(folder, 'index.ts'), 'utf8') : '';
  const where = relative(root, folder);
  const problems: string[] = [];
  if (index === '') problems.push(`${where}: no index.ts listing the steps`);
  for (const step of steps) {
    const test = step.replace(/\.ts$/, '.test.ts');
    if (!files.includes(test)) problems.push(`${where}/${step}: no ${test}`);
    const stem = basename(step, '.ts');
    if (index !== '' && !index.includes(`'./${stem}'`))
      problems.push(`${where}/index.ts does not import ./${stem}`);
  }
  return problems;
}

describe('migration files', () => {
  it('finds the migrations folder of every database', () => {
    const found = folders.map((folder) => relative(root, folder));
    expect(found).toContain('packages/item-bank/src/db/migrations');
    expect(found).toContain('apps/proctor-server/src/db/migrations');
    expect(found).toContain('apps/desktop/src/host/exam-agent/journal/migrations');
  });

  it('every step has its own test and is listed by its index.ts', () => {
    expect(folders.flatMap(problemsOf)).toEqual([]);
  });
});
