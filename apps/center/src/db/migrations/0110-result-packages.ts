import type { CenterMigration } from '../migration';

/*
 * 成绩上报包 ingested from sites (docs/decisions/1011-results-ingest.md): one row per accepted
 * package, identified by the SHA-256 of its canonical payload (a re-upload is a no-op). A
 * session re-sent later (e.g. after manual marking) supersedes the earlier package of that
 * session: the earlier row stays, `superseded_by` names its successor.
 */
export const migration: CenterMigration = {
  version: 110,
  name: 'result-packages',
  sql: `
    CREATE TABLE result_packages (
      id text PRIMARY KEY,
      site_id text NOT NULL REFERENCES sites (id),
      sha256 char(64) NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      format_version int NOT NULL CHECK (format_version IN (2, 3)),
      session_id text NOT NULL,
      session_name text NOT NULL,
      session_starts_at timestamptz NOT NULL,
      exam_id text NOT NULL,
      exam_title text NOT NULL,
      occupation_and_level text NOT NULL,
      generated_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL,
      received_by text NOT NULL,
      byte_size int NOT NULL CHECK (byte_size > 0),
      chain_seq bigint NOT NULL CHECK (chain_seq >= 1),
      chain_hash char(64) NOT NULL CHECK (chain_hash ~ '^[0-9a-f]{64}$'),
      candidates int NOT NULL CHECK (candidates >= 0),
      superseded_by text REFERENCES result_packages (id) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE UNIQUE INDEX result_packages_current_session
      ON result_packages (site_id, session_id) WHERE superseded_by IS NULL;
    CREATE INDEX result_packages_exam ON result_packages (exam_id);
  `,
};
