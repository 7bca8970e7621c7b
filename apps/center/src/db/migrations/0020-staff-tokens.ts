import type { CenterMigration } from '../migration';

/* Login tokens: only their SHA-256 is stored (docs/decisions/1003-center-token-auth.md). */
export const migration: CenterMigration = {
  version: 20,
  name: 'staff-tokens',
  sql: `
CREATE TABLE staff_tokens (
  token_hash char(64) PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff (id),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  remote_address text NOT NULL
);
CREATE INDEX staff_tokens_staff ON staff_tokens (staff_id);
`,
};
