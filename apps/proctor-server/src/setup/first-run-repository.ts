import { queryValue, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The SQL of the first run (docs/decisions/0970): is there an exam admin who can log in? */

export function hasEnabledAdmin(db: ReadableDb): boolean {
  const admins = queryValue<number>(
    db,
    sql`SELECT count(*) AS n FROM staff WHERE role = 'admin' AND disabled_at IS NULL`,
  );
  return Number(admins ?? 0) > 0;
}
