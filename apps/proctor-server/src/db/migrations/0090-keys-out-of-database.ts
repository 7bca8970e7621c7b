import { execScript, type WritableDb } from '../sql';

/**
 * Private keys leave the database (docs/decisions/0210): `openStore` has already written them to
 * key files in `<data>/keys/` before the migrations run; this step clears the columns so a copy
 * of server.db no longer carries them. Public keys stay for reference.
 */
export function migrate0090(db: WritableDb): void {
  execScript(
    db,
    `
    UPDATE server_keys SET private_key_pem = '';
    UPDATE package_key SET private_key_pem = '';
    `,
  );
}
