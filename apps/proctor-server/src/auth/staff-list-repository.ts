import type { StaffRole } from '@skillexam/shared';
import { queryAll, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The SQL of the console's staff list (GET /api/staff); never the password hash. */

export interface StaffListRow {
  readonly username: string;
  readonly role: StaffRole;
  readonly createdAt: number;
  readonly disabledAt: number | undefined;
  readonly lockedUntil: number | undefined;
  readonly failedAttempts: number;
}

export function listStaffRows(db: ReadableDb): StaffListRow[] {
  return queryAll<{
    username: string;
    role: StaffRole;
    created_at: number;
    disabled_at: number | null;
    locked_until: number | null;
    failed_attempts: number;
  }>(
    db,
    sql`SELECT username, role, created_at, disabled_at, locked_until, failed_attempts
        FROM staff ORDER BY role, username`,
  ).map((row) => ({
    username: row.username,
    role: row.role,
    createdAt: row.created_at,
    disabledAt: row.disabled_at ?? undefined,
    lockedUntil: row.locked_until ?? undefined,
    failedAttempts: row.failed_attempts,
  }));
}
