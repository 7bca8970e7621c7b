import type { CenterMigration } from '../migration';

/*
 * 审计链分叉告警: a package whose signed head contradicts what the centre accepted from that site
 * (same seq, another hash; or a linked record differing) is refused, and the contradiction is
 * kept here for supervisors: two heads signed by the same key that cannot both be true
 * (docs/decisions/1012-results-chain-continuity.md).
 */
export const migration: CenterMigration = {
  version: 140,
  name: 'site-chain-alerts',
  sql: `
    CREATE TABLE site_chain_alerts (
      id bigserial PRIMARY KEY,
      site_id text NOT NULL REFERENCES sites (id),
      detected_at timestamptz NOT NULL,
      package_sha256 char(64) NOT NULL,
      known_seq bigint NOT NULL,
      known_hash char(64) NOT NULL,
      claimed_seq bigint NOT NULL,
      claimed_hash char(64) NOT NULL,
      detail text NOT NULL,
      UNIQUE (site_id, package_sha256)
    );
  `,
};
