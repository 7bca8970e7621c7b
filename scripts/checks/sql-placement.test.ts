import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * SQL only in repositories (docs/decisions/0851-sql-only-in-repositories.md): outside
 * `*-repository.ts`, `db/` and `migrations/` folders and the SQL helper itself, no source file
 * imports a query helper from `@skillexam/shared/sql` or calls `.prepare(`. Types and
 * `transaction` are allowed everywhere: a service owns its transaction boundary.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Build output, dependencies, and test, benchmark and attack code (not product source). */
const SKIP = new Set([
  'node_modules',
  '.tsbuild',
  'dist',
  'test',
  'e2e',
  'security',
  'bench',
  'faults',
]);
const SOURCE = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;
const SQL_MODULE = '@skillexam/shared/sql';
/** What builds or runs a query; types and `transaction` are not listed. */
const QUERY_HELPERS = new Set([
  'sql',
  'sqlId',
  'sqlJoin',
  'sqlList',
  'SqlQuery',
  'queryAll',
  'queryOne',
  'queryValue',
  'run',
  'execScript',
]);

/*
 * Files still to be moved, each with the reason. The list only shrinks: a file that no longer
 * violates must be taken off it (the last test checks that).
 */
const ALLOWLIST: readonly string[] = [];

/** Where SQL may be: repositories, db/ and migrations/ folders, the helper itself. */
function sqlAllowedIn(path: string): boolean {
  const parts = path.split('/');
  return (
    /-repository\.ts$/.test(path) ||
    parts.includes('db') ||
    parts.some((part) => /migrations$/.test(part)) ||
    path.startsWith('packages/shared/src/sql/')
  );
}

/** The query helpers a source file uses, and its `.prepare(` calls. */
function sqlUses(source: string): string[] {
  const found: string[] = [];
  const statement = /(?:^|\n)\s*import\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(statement)) {
    if (match[3] !== SQL_MODULE || match[1] !== undefined) continue;
    const clause = match[2] ?? '';
    if (/\*\s+as\s+\w+/.test(clause)) found.push(`${clause.trim()} (namespace import)`);
    const names = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
    for (const entry of names.split(',')) {
      const name = entry.trim();
      if (name === '' || name.startsWith('type ')) continue;
      const imported = name.split(/\s+as\s+/)[0] ?? '';
      if (QUERY_HELPERS.has(imported)) found.push(imported);
    }
  }
  if (/import\s*\(\s*['"]@skillexam\/shared\/sql['"]\s*\)/.test(source)) {
    found.push(`import('${SQL_MODULE}')`);
  }
  const prepares = source.match(/\.prepare\s*\(/g)?.length ?? 0;
  if (prepares > 0) found.push(`.prepare( ×${String(prepares)}`);
  return found;
}

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) found.push(path);
  }
  return found;
}

const files = ['apps', 'packages']
  .flatMap((top) => sourceFiles(join(root, top)))
  .map((path) => relative(root, path).split(sep).join('/'));

function violations(): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (sqlAllowedIn(file)) continue;
    const uses = sqlUses(readFileSync(join(root, file), 'utf8'));
    if (uses.length > 0) found.push(`${file}: ${uses.join(', ')}`);
  }
  return found;
}

describe('SQL only in repositories', () => {
  it('knows where SQL may be', () => {
    expect(sqlAllowedIn('apps/proctor-server/src/auth/token-repository.ts')).toBe(true);
    expect(sqlAllowedIn('apps/proctor-server/src/db/store.ts')).toBe(true);
    expect(sqlAllowedIn('packages/item-bank/src/db/migrations/0010-standards.ts')).toBe(true);
    expect(sqlAllowedIn('apps/desktop/src/host/exam-agent/journal/migrations/index.ts')).toBe(true);
    expect(sqlAllowedIn('packages/shared/src/sql/sql-db.ts')).toBe(true);
    expect(sqlAllowedIn('apps/proctor-server/src/auth/tokens.ts')).toBe(false);
    expect(sqlAllowedIn('apps/proctor-server/src/answers/answer.handlers.ts')).toBe(false);
  });

  it('tells query helpers from types and transactions', () => {
    const uses = sqlUses(
      [
        "import { transaction, type WritableDb } from '@skillexam/shared/sql';",
        "import type { ReadableDb, SqlQuery } from '@skillexam/shared/sql';",
        "import {\n  queryAll,\n  sql as q,\n  type SqlValue,\n} from '@skillexam/shared/sql';",
        "import * as db from '@skillexam/shared/sql';",
        "import { run } from './elsewhere';",
        'const rows = connection.prepare(text).all();',
      ].join('\n'),
    );
    expect(uses).toEqual(['queryAll', 'sql', '* as db (namespace import)', '.prepare( ×1']);
    expect(sqlUses("import { transaction } from '@skillexam/shared/sql';")).toEqual([]);
  });

  it('reads the source of every package and app', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files).toContain('apps/proctor-server/src/app.ts');
    expect(files).toContain('apps/desktop/src/host/exam-agent/answer-journal.ts');
  });

  it('finds no query outside repositories, db/ and migrations (but the allowlist)', () => {
    const found = violations().filter(
      (line) => !ALLOWLIST.some((file) => line.startsWith(`${file}:`)),
    );
    expect(found).toEqual([]);
  });

  it('lists no file in the allowlist that is already clean', () => {
    const dirty = new Set(violations().map((line) => line.slice(0, line.indexOf(':'))));
    expect(ALLOWLIST.filter((file) => !dirty.has(file))).toEqual([]);
  });
});
