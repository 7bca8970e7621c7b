import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Exam packages (.exampkg): the site's X25519 key pair that packages are encrypted to, the
 * Ed25519 signing keys this site trusts, decrypted images per exam; and candidate photos.
 */
export function migrate0050(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE package_key (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      public_key_pem TEXT NOT NULL,
      private_key_pem TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE trusted_signing_keys (
      key_id TEXT PRIMARY KEY,
      public_key_pem TEXT NOT NULL,
      label TEXT NOT NULL,
      added_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE exam_assets (
      exam_id TEXT NOT NULL REFERENCES exams (id),
      asset_hash TEXT NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (exam_id, asset_hash)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE candidate_photos (
      hash TEXT PRIMARY KEY,
      mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png')),
      bytes BLOB NOT NULL
    ) STRICT, WITHOUT ROWID;
    `,
  );
}
