import type { CenterMigration } from '../migration';

/*
 * Failed logins per (username, address), so the backoff holds across restarts and across the
 * processes sharing one PostgreSQL server (docs/decisions/1003-center-token-auth.md).
 */
export const migration: CenterMigration = {
  version: 50,
  name: 'login-failures',
  sql: `
CREATE TABLE login_failures (
  username text NOT NULL,
  remote_address text NOT NULL,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz,
  PRIMARY KEY (username, remote_address)
);
CREATE INDEX login_failures_last ON login_failures (last_failure_at);
`,
};
