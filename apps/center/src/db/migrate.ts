import { CodedError } from '@skillexam/shared';
import type { CenterDb } from './center-db';
import type { CenterMigration } from './migration';
import { MIGRATIONS } from './migrations/index';
import {
  ensureMigrationTable,
  insertMigrationRecord,
  lockMigrations,
  readMigrationRecords,
  type MigrationRecord,
} from './migration-repository';

/*
 * Brings a store up to the code's schema: each pending migration in its own transaction, which
 * also records it in `schema_migrations`. Every step first takes a transaction-level advisory
 * lock and re-reads what is applied, so servers starting together apply each migration once.
 * A store whose recorded migrations are not a prefix of the code's list (a newer release wrote
 * it, or a migration was renamed or inserted before an applied one) is refused untouched
 * (docs/decisions/1004-center-migrations-prefix-and-lock.md).
 */

export interface MigrateResult {
  /** Versions applied by this call, in order. */
  readonly applied: number[];
  /** The store's version afterwards (0 when the code has no migrations). */
  readonly version: number;
}

function checkOrder(migrations: readonly CenterMigration[]): void {
  for (let index = 1; index < migrations.length; index += 1) {
    const previous = migrations[index - 1];
    const current = migrations[index];
    if (previous !== undefined && current !== undefined && current.version <= previous.version) {
      throw new Error(
        `migrations out of order: ${String(current.version)} after ${String(previous.version)}`,
      );
    }
  }
}

/** Throws unless `records` are the first `records.length` of `migrations`, by version and name. */
export function checkPrefix(
  records: readonly MigrationRecord[],
  migrations: readonly CenterMigration[],
): void {
  records.forEach((record, index) => {
    const expected = migrations[index];
    if (
      expected === undefined ||
      expected.version !== record.version ||
      expected.name !== record.name
    ) {
      const known = migrations.map((m) => `${String(m.version)} ${m.name}`).join(', ');
      throw new CodedError(
        'CONFLICT',
        `数据库的迁移记录与本程序不一致，拒绝启动 (the store's migration ${String(record.version)} ` +
          `"${record.name}" is not this release's migration #${String(index + 1)}` +
          `${expected === undefined ? ' — the store is newer than this release' : ` (${String(expected.version)} "${expected.name}")`}; ` +
          `this release knows: ${known === '' ? 'none' : known})`,
      );
    }
  });
}

export async function migrate(
  db: CenterDb,
  migrations: readonly CenterMigration[] = MIGRATIONS,
): Promise<MigrateResult> {
  checkOrder(migrations);
  const applied: number[] = [];
  for (;;) {
    const step = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      await ensureMigrationTable(tx);
      const records = await readMigrationRecords(tx);
      checkPrefix(records, migrations);
      const next = migrations[records.length];
      if (next === undefined) return { done: true as const, version: records.at(-1)?.version ?? 0 };
      await tx.exec(next.sql);
      await insertMigrationRecord(tx, next);
      return { done: false as const, version: next.version };
    });
    if (step.done) return { applied, version: step.version };
    applied.push(step.version);
  }
}
