import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Kiosks prove themselves with Ed25519 signatures (docs/decisions/0216, updated): the server
 * keeps each PC's PUBLIC key and no longer any secret, so a copy of server.db cannot sign for a
 * PC. The old HMAC secrets are overwritten and their column dropped with secure_delete on, so
 * they do not linger in freed pages of the file. Kiosks enrolled before this step have no public
 * key (NULL): their logins are refused with 「考试机登记文件版本过旧，请重新登记」 until the admin
 * enrolls them again (which retires the old row).
 */
export function migrate0140(db: WritableDb): void {
  const secureDelete = Number(db.pragma('secure_delete', { simple: true }));
  db.pragma('secure_delete = ON');
  try {
    execScript(
      db,
      `
      UPDATE kiosks SET secret_b64 = substr(hex(zeroblob(32)), 1, 43);
      ALTER TABLE kiosks DROP COLUMN secret_b64;
      ALTER TABLE kiosks ADD COLUMN public_key_b64 TEXT
        CHECK (public_key_b64 IS NULL OR public_key_b64 GLOB 'MCowBQYDK2VwAyEA*' AND length(public_key_b64) = 60);
      `,
    );
  } finally {
    db.pragma(`secure_delete = ${secureDelete === 0 ? 'OFF' : 'ON'}`);
  }
}
