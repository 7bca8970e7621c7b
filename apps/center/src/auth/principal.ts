import type { CenterPrincipal } from './center-roles';
import type { StaffRow } from './staff-repository';

/** What a signed-in staff member is, as routes see it, and as `GET /api/auth/me` shows it. */
export function principalOf(row: StaffRow): CenterPrincipal {
  return {
    staffId: row.id,
    username: row.username,
    role: row.role,
    ...(row.organisation_id === null ? {} : { organisationId: row.organisation_id }),
  };
}

export interface StaffView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRow['role'];
  readonly organisationId: string | null;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export function staffView(row: StaffRow): StaffView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}
