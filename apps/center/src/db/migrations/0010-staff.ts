import type { CenterMigration } from '../migration';

/* Staff accounts of the centre (docs/center.md, roles). */
export const migration: CenterMigration = {
  version: 10,
  name: 'staff',
  sql: `
CREATE TABLE staff (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,31}$'),
  display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
  role text NOT NULL CHECK (role IN ('centre_admin', 'org_staff', 'supervisor')),
  organisation_id text,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL,
  CHECK ((role = 'org_staff') = (organisation_id IS NOT NULL))
);
`,
};
