import { queryAll, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of trusted signing keys for the console's key page; the rules are in trusted-keys.ts. */

export interface TrustedKeyRow {
  readonly keyId: string;
  readonly label: string;
  readonly addedAt: number;
}

export function listTrustedKeyRows(db: ReadableDb): TrustedKeyRow[] {
  return queryAll<{ key_id: string; label: string; added_at: number }>(
    db,
    sql`SELECT key_id, label, added_at FROM trusted_signing_keys ORDER BY added_at DESC, key_id`,
  ).map((row) => ({ keyId: row.key_id, label: row.label, addedAt: row.added_at }));
}

/** Who trusted each key: the audit entries `package.trust-key`, oldest first. */
export function trustKeyAuditRows(db: ReadableDb): { actor: string; payloadJson: string }[] {
  return queryAll<{ actor: string; payload_json: string }>(
    db,
    sql`SELECT actor, payload_json FROM audit_log WHERE action = 'package.trust-key' ORDER BY seq`,
  ).map((row) => ({ actor: row.actor, payloadJson: row.payload_json }));
}

/** Removes a trusted key; the number of rows removed (0 or 1). */
export function deleteTrustedKey(db: WritableDb, keyId: string): number {
  return run(db, sql`DELETE FROM trusted_signing_keys WHERE key_id = ${keyId}`).changes;
}
