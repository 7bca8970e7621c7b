import type { CenterMigration } from '../migration';

/*
 * 考点 (sites) enrolled by a centre_admin: organisation, name as the site's server writes it in
 * results packages, 评价机构（站点）序列码, and the site's audit signing key (Ed25519 SPKI PEM; key
 * id = first 16 hex of SHA-256 of the SPKI DER). `chain_seq`/`chain_hash` are the signed audit
 * head of the newest package ingested from it: the next package must extend it
 * (docs/decisions/1012-results-chain-continuity.md).
 */
export const migration: CenterMigration = {
  version: 100,
  name: 'sites',
  sql: `
    CREATE TABLE sites (
      id text PRIMARY KEY,
      organisation_id text NOT NULL REFERENCES organisations (id),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      site_serial char(6) NOT NULL CHECK (site_serial ~ '^[0-9]{6}$'),
      key_id char(16) NOT NULL UNIQUE CHECK (key_id ~ '^[0-9a-f]{16}$'),
      public_key_pem text NOT NULL,
      enrolled_at timestamptz NOT NULL,
      enrolled_by text NOT NULL,
      chain_seq bigint CHECK (chain_seq >= 1),
      chain_hash char(64) CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
      CHECK ((chain_seq IS NULL) = (chain_hash IS NULL)),
      UNIQUE (organisation_id, site_serial),
      UNIQUE (organisation_id, name)
    );
  `,
};
