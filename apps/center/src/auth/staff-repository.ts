import type { Queryable } from '../db/center-db';
import { onlyRow } from '../db/rows';
import type { CenterRole } from './center-roles';

/* SQL of staff accounts and their login tokens. */

export interface StaffRow {
  readonly id: string;
  readonly username: string;
  readonly display_name: string;
  readonly role: CenterRole;
  readonly organisation_id: string | null;
  readonly must_change_password: boolean;
  readonly disabled: boolean;
  readonly created_at: Date;
  readonly created_by: string;
}

export interface StaffWithHash extends StaffRow {
  readonly password_hash: string;
}

const COLUMNS = `id, username, display_name, role, organisation_id, must_change_password, disabled,
  created_at, created_by`;

export interface NewStaffRow {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: CenterRole;
  readonly organisationId: string | null;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
  readonly createdBy: string;
}

export async function insertStaff(tx: Queryable, row: NewStaffRow): Promise<StaffRow> {
  const rows = await tx.query<StaffRow>(
    `INSERT INTO staff (id, username, display_name, role, organisation_id, password_hash,
                        must_change_password, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [
      row.id,
      row.username,
      row.displayName,
      row.role,
      row.organisationId,
      row.passwordHash,
      row.mustChangePassword,
      row.createdBy,
    ],
  );
  return onlyRow(rows, 'insert');
}

export async function findStaffByUsername(
  db: Queryable,
  username: string,
): Promise<StaffWithHash | undefined> {
  const rows = await db.query<StaffWithHash>(
    `SELECT ${COLUMNS}, password_hash FROM staff WHERE username = $1`,
    [username],
  );
  return rows[0];
}

export async function findStaffById(db: Queryable, id: string): Promise<StaffWithHash | undefined> {
  const rows = await db.query<StaffWithHash>(
    `SELECT ${COLUMNS}, password_hash FROM staff WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function listStaff(db: Queryable): Promise<StaffRow[]> {
  return db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff ORDER BY username`);
}

export async function setStaffDisabled(
  tx: Queryable,
  id: string,
  disabled: boolean,
): Promise<void> {
  await tx.query('UPDATE staff SET disabled = $2 WHERE id = $1', [id, disabled]);
}

export async function setStaffPassword(
  tx: Queryable,
  id: string,
  passwordHash: string,
  mustChange: boolean,
): Promise<void> {
  await tx.query('UPDATE staff SET password_hash = $2, must_change_password = $3 WHERE id = $1', [
    id,
    passwordHash,
    mustChange,
  ]);
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: number }>(
    "SELECT count(*) AS n FROM staff WHERE role = 'centre_admin' AND NOT disabled",
  );
  return rows[0]?.n ?? 0;
}
