import { afterEach, describe, expect, it } from 'vitest';
import { CodedError } from '@skillexam/shared';
import type { CenterMigration } from '../../src/db/migration';
import { migrate } from '../../src/db/migrate';
import { MIGRATIONS } from '../../src/db/migrations/index';
import { openPostgresDb } from '../../src/db/postgres-db';
import {
  openTestStore,
  STORE_SETUP_TIMEOUT_MS,
  testStoreKinds,
  type TestStore,
} from '../support/center-db';

const opened: TestStore[] = [];
async function emptyStore(kind: 'pglite' | 'postgres'): Promise<TestStore> {
  const store = await openTestStore(kind, { migrated: false });
  opened.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.dispose()));
});

const probe = (version: number, name: string, sql: string): CenterMigration => ({
  version,
  name,
  sql,
});

for (const kind of testStoreKinds()) {
  describe(`migrate (${kind})`, { timeout: STORE_SETUP_TIMEOUT_MS }, () => {
    it('applies every migration once, in order, and records it', async () => {
      const { db } = await emptyStore(kind);
      const first = await migrate(db);
      expect(first.applied).toEqual(MIGRATIONS.map((m) => m.version));
      const again = await migrate(db);
      expect(again).toEqual({ applied: [], version: MIGRATIONS.at(-1)!.version });
      const rows = await db.query<{ version: number; name: string; applied_at: Date }>(
        'SELECT version, name, applied_at FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => [r.version, r.name])).toEqual(
        MIGRATIONS.map((m) => [m.version, m.name]),
      );
      expect(rows.every((r) => r.applied_at instanceof Date)).toBe(true);
    });

    it('rolls a failing migration back and records nothing of it', async () => {
      const { db } = await emptyStore(kind);
      const list = [
        probe(1, 'one', 'CREATE TABLE one (id int)'),
        probe(2, 'two', 'CREATE TABLE two (id int); SELECT * FROM no_such_table'),
      ];
      await expect(migrate(db, list)).rejects.toThrow(/no_such_table/);
      const tables = await db.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      );
      expect(tables.map((t) => t.name)).toEqual(['one', 'schema_migrations']);
      expect(await db.query('SELECT version FROM schema_migrations')).toEqual([{ version: 1 }]);
    });

    it('refuses a store whose migrations are not a prefix of the code’s, changing nothing', async () => {
      const { db } = await emptyStore(kind);
      await migrate(db, [
        probe(1, 'one', 'CREATE TABLE one (id int)'),
        probe(3, 'three', 'SELECT 1'),
      ]);
      const cases: CenterMigration[][] = [
        [probe(1, 'one', '')], // the store is newer than the code
        [probe(1, 'uno', ''), probe(3, 'three', '')], // renamed
        [probe(1, 'one', ''), probe(2, 'two', ''), probe(3, 'three', '')], // inserted before an applied one
      ];
      for (const list of cases) {
        const error = await migrate(db, list).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(CodedError);
        expect((error as CodedError).code).toBe('CONFLICT');
        expect((error as Error).message).toMatch(/拒绝启动/);
      }
      expect(await db.query('SELECT version FROM schema_migrations ORDER BY 1')).toEqual([
        { version: 1 },
        { version: 3 },
      ]);
    });

    it('refuses a code list out of order', async () => {
      const { db } = await emptyStore(kind);
      await expect(
        migrate(db, [probe(2, 'b', 'SELECT 1'), probe(1, 'a', 'SELECT 1')]),
      ).rejects.toThrow(/out of order/);
    });

    it('lets starters racing on one store apply each migration once', async () => {
      const store = await emptyStore(kind);
      const others =
        store.databaseUrl === undefined
          ? [store.db, store.db, store.db]
          : [0, 1, 2].map(() => openPostgresDb({ databaseUrl: store.databaseUrl! }));
      try {
        const results = await Promise.all(others.map((db) => migrate(db)));
        const applied = results.flatMap((r) => r.applied).sort((a, b) => a - b);
        expect(applied).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        if (store.databaseUrl !== undefined) await Promise.all(others.map((db) => db.close()));
      }
    });
  });
}
