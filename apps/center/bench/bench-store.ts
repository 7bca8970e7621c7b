import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { CenterDb } from '../src/db/center-db';
import { migrate } from '../src/db/migrate';
import { openPostgresDb } from '../src/db/postgres-db';

/*
 * A fresh migrated database on the PostgreSQL server of DATABASE_URL for one bench run, dropped
 * afterwards (`--keep` keeps it). Benches measure the real server only.
 */

export interface BenchStore {
  readonly db: CenterDb;
  readonly name: string;
  dispose(keep: boolean): Promise<void>;
}

export async function openBenchStore(prefix: string, maxConnections = 12): Promise<BenchStore> {
  const base = process.env['DATABASE_URL'];
  if (base === undefined || base === '') {
    throw new Error('DATABASE_URL is not set: benches run on a real PostgreSQL server');
  }
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = openPostgresDb({ databaseUrl: url.toString(), maxConnections });
  await migrate(db);
  return {
    db,
    name,
    async dispose(keep: boolean) {
      await db.close();
      if (keep) return;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE ${name}`);
      await client.end();
    },
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
