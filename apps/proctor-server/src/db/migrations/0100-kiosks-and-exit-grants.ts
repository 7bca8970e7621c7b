import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Enrolled exam PCs (docs/decisions/0216), single-use kiosk exit grants (0218) and disabled
 * staff accounts (0219).
 * A kiosk's secret is the HMAC key it proves possession of at candidate login; the server
 * needs it to verify, so it is stored as is (server.db is the site's trust anchor anyway).
 * Superseded by 0140: kiosks sign with Ed25519 and the server keeps only public keys.
 */
export function migrate0100(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE kiosks (
      id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 8 AND 64),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
      secret_b64 TEXT NOT NULL CHECK (length(secret_b64) >= 43),
      enrolled_at INTEGER NOT NULL,
      enrolled_by TEXT NOT NULL,
      revoked_at INTEGER,
      last_login_at INTEGER
    ) STRICT;
    CREATE UNIQUE INDEX kiosks_live_name ON kiosks (name) WHERE revoked_at IS NULL;

    CREATE TABLE exit_grants (
      grant_hash TEXT PRIMARY KEY,
      attempt_id TEXT REFERENCES attempts (id),
      kiosk_id TEXT REFERENCES kiosks (id),
      granted_by TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL CHECK (expires_at > issued_at),
      used_at INTEGER,
      CHECK (attempt_id IS NOT NULL OR kiosk_id IS NOT NULL)
    ) STRICT;
    CREATE INDEX exit_grants_attempt ON exit_grants (attempt_id);

    ALTER TABLE staff ADD COLUMN disabled_at INTEGER;
    `,
  );
}
