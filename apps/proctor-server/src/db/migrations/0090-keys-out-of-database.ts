import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Private keys leave the database (docs/decisions/0210): `openStore` has already written them to
 * key files in `<data>/keys/` before the migrations run; this step clears the columns so a copy
 * of server.db no longer carries them. Public keys stay for reference. The PEMs are first
 * overwritten in place with zeros of the same length, then cleared, with secure_delete on so the
 * freed cell space is zeroed too; `openStore` then checkpoints, truncates the WAL and VACUUMs
 * once (`scrubFreedPages`) so no free page or WAL frame keeps a copy.
 */
export function migrate0090(db: WritableDb): void {
  const secureDelete = Number(db.pragma('secure_delete', { simple: true }));
  db.pragma('secure_delete = ON');
  try {
    execScript(
      db,
      `
      UPDATE server_keys SET private_key_pem = substr(hex(zeroblob(length(private_key_pem))), 1, length(private_key_pem));
      UPDATE package_key SET private_key_pem = substr(hex(zeroblob(length(private_key_pem))), 1, length(private_key_pem));
      UPDATE server_keys SET private_key_pem = '';
      UPDATE package_key SET private_key_pem = '';
      `,
    );
  } finally {
    db.pragma(`secure_delete = ${secureDelete === 0 ? 'OFF' : 'ON'}`);
  }
}
