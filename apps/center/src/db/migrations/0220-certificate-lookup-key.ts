import type { CenterMigration } from '../migration';

/*
 * The centre's secret for the code in a certificate's QR link (an HMAC of the number), so a
 * scan opens the certificate without typing while numbers cannot be walked
 * (docs/decisions/1025-public-lookup-without-enumeration.md). One row, written by the lookup
 * service from a cryptographic random source the first time it is needed.
 */
export const migration: CenterMigration = {
  version: 220,
  name: 'certificate-lookup-key',
  sql: `
    CREATE TABLE certificate_lookup_key (
      id int PRIMARY KEY CHECK (id = 1),
      secret bytea NOT NULL CHECK (length(secret) >= 32),
      created_at timestamptz NOT NULL
    );
  `,
};
