import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { CenterDb, CenterDbKind } from '../../src/db/center-db';
import { migrate } from '../../src/db/migrate';
import { MIGRATIONS } from '../../src/db/migrations/index';
import { openPgliteDb } from '../../src/db/pglite-db';
import { openPostgresDb } from '../../src/db/postgres-db';

/*
 * Fresh stores for tests. PGlite: a fresh in-memory store loaded from a data-folder dump
 * (initdb takes seconds, loading a dump a fraction of one); the dumps, empty and migrated, are
 * cached in the temp folder under a hash of the migrations, so every test file and worker shares
 * them. PostgreSQL (when CENTER_TEST_DATABASE_URL is set): a new database per store, dropped by
 * `dispose`.
 */

export interface TestStore {
  readonly kind: CenterDbKind;
  readonly db: CenterDb;
  /** The store's own database URL (PostgreSQL only): for a second connection pool. */
  readonly databaseUrl?: string;
  /** Closes the store (and drops its database on PostgreSQL). */
  dispose(): Promise<void>;
}

export interface OpenTestStoreOptions {
  /** false: an empty store, no migration applied (migration tests). Default true. */
  readonly migrated?: boolean;
}

/** The stores every test runs on: PGlite always, PostgreSQL when CENTER_TEST_DATABASE_URL is set. */
export function testStoreKinds(): CenterDbKind[] {
  const url = process.env['CENTER_TEST_DATABASE_URL'];
  return url !== undefined && url !== '' ? ['pglite', 'postgres'] : ['pglite'];
}

const templateKey = createHash('sha256')
  .update(JSON.stringify(MIGRATIONS.map((m) => [m.version, m.name, m.sql])))
  .digest('hex')
  .slice(0, 16);

function templateFile(migrated: boolean): string {
  const dir = join(tmpdir(), 'skillexam-center-test-templates');
  mkdirSync(dir, { recursive: true });
  return join(dir, migrated ? `migrated-${templateKey}.tar` : 'empty.tar');
}

/** Removes templates of other migration lists (edited since) unused for an hour: 40 MB each. */
function forgetOldTemplates(current: string): void {
  const dir = join(current, '..');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === current || !/^migrated-\w+\.tar$/.test(name)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > 60 * 60_000) rmSync(path, { force: true });
    } catch {
      // another worker removed it first
    }
  }
}

async function pgliteTemplate(migrated: boolean): Promise<Blob> {
  const file = templateFile(migrated);
  if (!existsSync(file)) {
    const db = await openPgliteDb();
    try {
      if (migrated) await migrate(db);
      const dump = await db.pglite.dumpDataDir('none');
      const temporary = `${file}.${String(process.pid)}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(temporary, new Uint8Array(await dump.arrayBuffer()));
      renameSync(temporary, file);
      forgetOldTemplates(file);
    } finally {
      await db.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env['CENTER_TEST_DATABASE_URL'] });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function openPostgresTestStore(migrated: boolean): Promise<TestStore> {
  const base = process.env['CENTER_TEST_DATABASE_URL'];
  if (base === undefined || base === '') throw new Error('CENTER_TEST_DATABASE_URL is not set');
  const name = `center_test_${String(process.pid)}_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(base, name);
  const db = openPostgresDb({ databaseUrl: url });
  try {
    if (migrated) await migrate(db);
  } catch (error) {
    await db.close();
    await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    throw error;
  }
  return {
    kind: 'postgres',
    db,
    databaseUrl: url,
    async dispose() {
      await db.close();
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A fresh store of `kind`, migrated unless `{ migrated: false }`. */
export async function openTestStore(
  kind: CenterDbKind,
  options: OpenTestStoreOptions = {},
): Promise<TestStore> {
  const migrated = options.migrated !== false;
  if (kind === 'postgres') return openPostgresTestStore(migrated);
  const db = await openPgliteDb({ loadDataDir: await pgliteTemplate(migrated) });
  return { kind: 'pglite', db, dispose: () => db.close() };
}
