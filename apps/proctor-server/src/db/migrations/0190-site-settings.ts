import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Site-wide settings the console edits and every admin shares (docs/decisions/0991): one row
 * per key, e.g. `results.centre-url`, the evaluation centre the results are pushed to.
 */
export function migrate0190(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE site_settings (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL,
      updated_by TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    `,
  );
}
