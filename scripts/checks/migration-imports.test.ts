import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * A migration imports no live code (docs/decisions/0800-migrations-import-no-live-code.md): what it
 * computes is frozen inside it, so changing a live function never changes what an old migration
 * does. Allowed: type-only imports, siblings in the same migrations folder, the database's
 * statement layer (`…/sql` or `@skillexam/shared/sql`) and npm libraries.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', '.tsbuild', 'dist']);
const MIGRATION_FILE = /^\d{4}-[\w-]+\.ts$/;

function migrationFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) migrationFiles(path, found);
    else if (/migrations$/.test(basename(dir)) && MIGRATION_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

interface ImportLine {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly text: string;
}

/** Static imports and re-exports, `import()` and `require()` of one TypeScript file. */
function importsOf(source: string): ImportLine[] {
  const found: ImportLine[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(statement)) {
    const clause = match[3] ?? '';
    const names = /\{([^}]*)\}/.exec(clause)?.[1];
    const allTypes =
      names !== undefined &&
      !/^[^{]*\w[^{]*\{/.test(clause) &&
      names
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .every((name) => name.startsWith('type '));
    found.push({
      specifier: match[4] ?? '',
      typeOnly: match[2] !== undefined || allTypes,
      text: match[0].trim(),
    });
  }
  for (const match of source.matchAll(/(?:^|[^\w.])(?:import|require)\s*\(\s*['"]([^'"]+)['"]/g)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false, text: match[0].trim() });
  }
  for (const match of source.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) {
    found.push({ specifier: match[1] ?? '', typeOnly: false, text: match[0].trim() });
  }
  return found;
}

/** Why an import of a migration in `folder` brings in live code, if it does. */
function liveImport(folder: string, file: string, line: ImportLine): string | undefined {
  if (line.typeOnly) return undefined;
  const { specifier } = line;
  if (specifier === '@skillexam/shared/sql') return undefined;
  if (!specifier.startsWith('.')) {
    return specifier.startsWith('@skillexam/') ? 'a workspace package' : undefined;
  }
  const target = resolve(dirname(file), specifier);
  if (dirname(target) === folder) return undefined;
  if (basename(target) === 'sql') return undefined;
  return 'a file outside its migrations folder';
}

const migrations = ['apps', 'packages'].flatMap((top) => migrationFiles(join(root, top)));

describe('migrations import no live code', () => {
  it('finds the migrations of every database', () => {
    const folders = new Set(migrations.map((file) => relative(root, dirname(file))));
    expect(migrations.length).toBeGreaterThan(15);
    expect(folders).toContain('packages/item-bank/src/db/migrations');
    expect(folders).toContain('apps/proctor-server/src/db/migrations');
    expect(folders).toContain('apps/desktop/src/host/exam-agent/journal/migrations');
  });

  it('reads value, type-only and dynamic imports apart', () => {
    const lines = importsOf(
      [
        "import type { A } from '../a';",
        "import { type B, type C } from '../b';",
        "import { all, run, sql, type WritableDb } from '../sql';",
        "import { bigramDocument } from '../../search/bigram-tokens';",
        "import Default, { type D } from 'lib';",
        "const later = await import('../../late');",
      ].join('\n'),
    );
    expect(lines.map((line) => [line.specifier, line.typeOnly])).toEqual([
      ['../a', true],
      ['../b', true],
      ['../sql', false],
      ['../../search/bigram-tokens', false],
      ['lib', false],
      ['../../late', false],
    ]);
  });

  it('no migration imports a value from outside its migrations folder', () => {
    const offending: string[] = [];
    for (const file of migrations) {
      const folder = dirname(file);
      for (const line of importsOf(readFileSync(file, 'utf8'))) {
        const reason = liveImport(folder, file, line);
        if (reason) offending.push(`${relative(root, file)}: ${line.text} (${reason})`);
      }
    }
    expect(offending).toEqual([]);
  });
});
