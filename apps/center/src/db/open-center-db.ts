import { join } from 'node:path';
import { InvalidInputError } from '@skillexam/shared';
import type { CenterDb } from './center-db';
import { openPgliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';
import { lockDataDir } from './store-lock';

/*
 * Opens the centre's store (docs/decisions/1000-center-store-pglite-and-pg.md):
 *   - `databaseUrl` (DATABASE_URL): a real PostgreSQL server through a `pg` pool;
 *   - else `dataDir`: embedded PGlite in `<dataDir>/pgdata`, locked to this process;
 *   - else `inMemory: true`: embedded PGlite in memory (tests, demos).
 * It does not migrate: call `migrate(db)` (./migrate.ts) before use.
 */

export interface OpenCenterDbOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly inMemory?: boolean;
}

export async function openCenterDb(options: OpenCenterDbOptions): Promise<CenterDb> {
  if (options.databaseUrl !== undefined && options.databaseUrl !== '') {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw new InvalidInputError(
        'DATABASE_URL 应为 postgres://用户@主机:端口/数据库 (DATABASE_URL must be a postgres:// URL)',
      );
    }
    const db = openPostgresDb({ databaseUrl: options.databaseUrl });
    try {
      await db.query('SELECT 1');
    } catch (error) {
      await db.close();
      throw new InvalidInputError(
        `无法连接数据库 (cannot connect to DATABASE_URL): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return db;
  }
  if (options.dataDir !== undefined) {
    const unlock = lockDataDir(options.dataDir);
    try {
      const db = await openPgliteDb({ dataDir: join(options.dataDir, 'pgdata') });
      return {
        ...db,
        async close() {
          try {
            await db.close();
          } finally {
            unlock();
          }
        },
      };
    } catch (error) {
      unlock();
      throw error;
    }
  }
  if (options.inMemory === true) return openPgliteDb();
  throw new InvalidInputError(
    '未指定数据库：请给出 DATABASE_URL 或数据目录 (no store: give DATABASE_URL or a data folder)',
  );
}
