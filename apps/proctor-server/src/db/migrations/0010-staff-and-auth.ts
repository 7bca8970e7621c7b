import { execScript, type WritableDb } from '@skillexam/shared/sql';

/** Staff accounts (argon2id hashes), login tokens (stored as SHA-256) and the server key pair. */
export function migrate0010(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      username TEXT NOT NULL UNIQUE,
      password_hash TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'proctor', 'supervisor')),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE auth_tokens (
      token_hash TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('staff', 'candidate')),
      subject TEXT NOT NULL,
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      revoked_at INTEGER
    ) STRICT;
    CREATE INDEX auth_tokens_subject ON auth_tokens (kind, subject);

    CREATE TABLE server_keys (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      public_key_pem TEXT NOT NULL,
      private_key_pem TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    `,
  );
}
