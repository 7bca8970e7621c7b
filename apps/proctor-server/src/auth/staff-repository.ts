import type { StaffRole } from '@skillexam/shared';
import { queryOne, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of staff accounts (`staff`); the rules are in staff-accounts.ts, staff-admin.ts, staff-credentials.ts. */

export interface StaffRecord {
  readonly id: number;
  readonly username: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: number | undefined;
  /** A disabled account cannot log in; its tokens were revoked when it was disabled (0219). */
  readonly disabledAt: number | undefined;
}

export function findStaff(
  db: ReadableDb,
  by: { username: string } | { id: number },
): StaffRecord | undefined {
  const row = queryOne<{
    id: number;
    username: string;
    role: StaffRole;
    password_hash: string;
    failed_attempts: number;
    locked_until: number | null;
    disabled_at: number | null;
  }>(
    db,
    'username' in by
      ? sql`SELECT id, username, role, password_hash, failed_attempts, locked_until, disabled_at FROM staff WHERE username = ${by.username}`
      : sql`SELECT id, username, role, password_hash, failed_attempts, locked_until, disabled_at FROM staff WHERE id = ${by.id}`,
  );
  if (row === undefined) return undefined;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until ?? undefined,
    disabledAt: row.disabled_at ?? undefined,
  };
}

export function insertStaff(
  db: WritableDb,
  staff: { username: string; passwordHash: string; role: StaffRole },
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO staff (username, password_hash, role, created_at) VALUES (${staff.username}, ${staff.passwordHash}, ${staff.role}, ${now})`,
  );
}

export function markStaffDisabled(db: WritableDb, staffId: number, now: number): void {
  run(db, sql`UPDATE staff SET disabled_at = ${now} WHERE id = ${staffId} AND disabled_at IS NULL`);
}

/** Enables an account and clears its login failures. */
export function markStaffEnabled(db: WritableDb, staffId: number): void {
  run(
    db,
    sql`UPDATE staff SET disabled_at = NULL, failed_attempts = 0, locked_until = NULL
        WHERE id = ${staffId}`,
  );
}

/** Stores a new password hash and clears the login failures. */
export function updateStaffPasswordHash(db: WritableDb, staffId: number, hash: string): void {
  run(
    db,
    sql`UPDATE staff SET password_hash = ${hash}, failed_attempts = 0, locked_until = NULL
        WHERE id = ${staffId}`,
  );
}

export function clearStaffLoginFailures(db: WritableDb, staffId: number): void {
  run(db, sql`UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ${staffId}`);
}

/** Counts one failed login and keeps the later of the stored and the new wait; the new count. */
export function countStaffLoginFailure(
  db: WritableDb,
  staffId: number,
  waitUntil: number | null,
): number {
  return (
    queryOne<{ failed_attempts: number }>(
      db,
      sql`UPDATE staff SET failed_attempts = failed_attempts + 1,
                 locked_until = CASE WHEN ${waitUntil} IS NULL THEN locked_until
                                     ELSE MAX(COALESCE(locked_until, 0), ${waitUntil}) END
          WHERE id = ${staffId}
          RETURNING failed_attempts`,
    )?.failed_attempts ?? 1
  );
}
