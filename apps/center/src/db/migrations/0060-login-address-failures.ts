import type { CenterMigration } from '../migration';

/*
 * Failed logins per source address across all usernames, so one address spraying a common
 * password over many accounts waits as well (docs/decisions/1065-center-login-spraying.md).
 * The wait belongs to the address, never to an account.
 */
export const migration: CenterMigration = {
  version: 60,
  name: 'login-address-failures',
  sql: `
CREATE TABLE login_address_failures (
  remote_address text PRIMARY KEY,
  failures integer NOT NULL CHECK (failures > 0),
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX login_address_failures_last ON login_address_failures (last_failure_at);
`,
};
