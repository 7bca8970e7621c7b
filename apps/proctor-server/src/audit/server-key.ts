import {
  generateKeyPairSync,
  type KeyObject,
  createPrivateKey,
  createPublicKey,
} from 'node:crypto';
import { queryOne, run, sql, type ReadableDb, type WritableDb } from '../db/sql';

export interface ServerKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
}

/** The server's Ed25519 key pair (signs audit checkpoints), created on first use. */
export function loadOrCreateServerKey(db: WritableDb, now: number): ServerKey {
  const existing = readServerPublicKey(db);
  if (existing === undefined) {
    const pair = generateKeyPairSync('ed25519');
    const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    run(
      db,
      sql`INSERT OR IGNORE INTO server_keys (id, public_key_pem, private_key_pem, created_at)
          VALUES (1, ${publicKeyPem}, ${privateKeyPem}, ${now})`,
    );
  }
  const row = queryOne<{ public_key_pem: string; private_key_pem: string }>(
    db,
    sql`SELECT public_key_pem, private_key_pem FROM server_keys WHERE id = 1`,
  );
  if (row === undefined) throw new Error('server key missing after creation');
  return {
    privateKey: createPrivateKey(row.private_key_pem),
    publicKey: createPublicKey(row.public_key_pem),
    publicKeyPem: row.public_key_pem,
  };
}

export function readServerPublicKey(db: ReadableDb): KeyObject | undefined {
  const row = queryOne<{ public_key_pem: string }>(
    db,
    sql`SELECT public_key_pem FROM server_keys WHERE id = 1`,
  );
  return row === undefined ? undefined : createPublicKey(row.public_key_pem);
}
