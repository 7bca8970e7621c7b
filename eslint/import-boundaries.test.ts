import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** Lints source text as if it lived at `path`, returning the messages of the boundary rule. */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import-direction rules (eslint/import-boundaries.js)', () => {
  it('fails a renderer file that imports better-sqlite3, node:* or electron', async () => {
    const path = 'apps/desktop/src/renderer/Violation.tsx';
    expect(
      await boundaryErrors(path, "import Database from 'better-sqlite3';\nvoid Database;\n"),
    ).toEqual([expect.stringContaining('better-sqlite3')]);
    expect(
      await boundaryErrors(path, "import { readFile } from 'node:fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(path, "import { readFile } from 'fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(path, "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n"),
    ).toHaveLength(1);
  });

  it('lets host code use better-sqlite3 (the rule is scoped, not global)', async () => {
    const code = "import Database from 'better-sqlite3';\nvoid Database;\n";
    expect(await boundaryErrors('apps/desktop/src/host/journal.ts', code)).toEqual([]);
    expect(
      await boundaryErrors(
        'apps/desktop/src/host/x.ts',
        "import { app } from 'electron';\nvoid app;\n",
      ),
    ).toHaveLength(1);
  });

  it('lets only the SQL helper in shared use better-sqlite3, and keeps it out of the rest', async () => {
    const sqlite =
      "import type Database from 'better-sqlite3';\nexport type D = Database.Database;\n";
    expect(await boundaryErrors('packages/shared/src/sql/sql-db.ts', sqlite)).toEqual([]);
    expect(await boundaryErrors('packages/shared/src/domain/a.ts', sqlite)).toEqual([
      expect.stringContaining('better-sqlite3'),
    ]);
    expect(
      await boundaryErrors('packages/shared/src/index.ts', "export * from './sql/index';\n"),
    ).toEqual([expect.stringContaining('Node-only')]);
    expect(
      await boundaryErrors(
        'packages/shared/src/sql/x.ts',
        "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps packages from importing apps', async () => {
    const code = "import { x } from '@skillexam/proctor-server';\nvoid x;\n";
    expect(await boundaryErrors('packages/shared/src/a.ts', code)).toHaveLength(1);
    expect(await boundaryErrors('packages/item-bank/src/db/a.ts', code)).toHaveLength(1);
    expect(
      await boundaryErrors(
        'packages/item-bank/src/items/a.ts',
        "import { y } from '../../../apps/desktop/src/host/x';\nvoid y;\n",
      ),
    ).not.toHaveLength(0);
  });

  it('keeps item-bank domain folders free of db/ and fs, but lets db/ use SQLite', async () => {
    expect(
      await boundaryErrors(
        'packages/item-bank/src/items/item-service.ts',
        "import { open } from '../db/connection';\nvoid open;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'packages/item-bank/src/assembly/solve.ts',
        "import { readFileSync } from 'node:fs';\nvoid readFileSync;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'packages/item-bank/src/exam-package/sign.ts',
        "import { createHash } from 'node:crypto';\nvoid createHash;\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'packages/item-bank/src/db/connection.ts',
        "import Database from 'better-sqlite3';\nvoid Database;\n",
      ),
    ).toEqual([]);
  });

  it('keeps shared free of item-bank and Node', async () => {
    expect(
      await boundaryErrors(
        'packages/shared/src/a.ts',
        "import { z } from '@skillexam/item-bank';\nvoid z;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        'packages/shared/src/a.ts',
        "import { createHash } from 'node:crypto';\nvoid createHash;\n",
      ),
    ).toHaveLength(1);
  });

  it('keeps the proctor console to @skillexam/shared: no server, no Node', async () => {
    const path = 'apps/console/src/pages/Violation.tsx';
    expect(
      await boundaryErrors(
        path,
        "import { createApplication } from '../../../proctor-server/src/app';\nvoid createApplication;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(path, "import { x } from '@skillexam/proctor-server';\nvoid x;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(path, "import { readFile } from 'node:fs';\nvoid readFile;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(
        path,
        "import { openBank } from '@skillexam/item-bank';\nvoid openBank;\n",
      ),
    ).toHaveLength(1);
    expect(
      await boundaryErrors(path, "import { ok } from '@skillexam/shared';\nvoid ok;\n"),
    ).toEqual([]);
  });
});
