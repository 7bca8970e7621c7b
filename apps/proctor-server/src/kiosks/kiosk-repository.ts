import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * The SQL of enrolled exam PCs (`kiosks`, docs/decisions/0216) and their exit grants
 * (`exit_grants`, 0218). The rules are in kiosk-registry.ts and exit-grants.ts.
 */

export interface KioskRow {
  readonly id: string;
  readonly name: string;
  /** Ed25519 SPKI DER, base64; NULL for a kiosk enrolled before migration 0140. */
  readonly public_key_b64: string | null;
  readonly enrolled_at: number;
  readonly enrolled_by: string;
  readonly revoked_at: number | null;
  readonly last_login_at: number | null;
}

export function liveKioskNamed(
  db: ReadableDb,
  name: string,
): { id: string; public_key_b64: string | null } | undefined {
  return queryOne<{ id: string; public_key_b64: string | null }>(
    db,
    sql`SELECT id, public_key_b64 FROM kiosks WHERE name = ${name} AND revoked_at IS NULL`,
  );
}

export function insertKiosk(
  db: WritableDb,
  kiosk: { id: string; name: string; publicKeyB64: string; enrolledBy: string },
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO kiosks (id, name, public_key_b64, enrolled_at, enrolled_by)
        VALUES (${kiosk.id}, ${kiosk.name}, ${kiosk.publicKeyB64}, ${now}, ${kiosk.enrolledBy})`,
  );
}

export function kioskRow(db: ReadableDb, kioskId: string): KioskRow | undefined {
  return queryOne<KioskRow>(db, sql`SELECT * FROM kiosks WHERE id = ${kioskId}`);
}

export function kioskRows(db: ReadableDb): KioskRow[] {
  return queryAll<KioskRow>(db, sql`SELECT * FROM kiosks ORDER BY name, enrolled_at`);
}

/** A kiosk by id, or else the live enrollment of that name. */
export function kioskIdByIdOrName(db: ReadableDb, idOrName: string): string | undefined {
  return (
    queryOne<{ id: string }>(db, sql`SELECT id FROM kiosks WHERE id = ${idOrName}`) ??
    queryOne<{ id: string }>(
      db,
      sql`SELECT id FROM kiosks WHERE name = ${idOrName} AND revoked_at IS NULL`,
    )
  )?.id;
}

export function liveKioskIds(db: ReadableDb): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM kiosks WHERE revoked_at IS NULL ORDER BY name`,
  ).map((row) => row.id);
}

/** Marks a kiosk revoked (kept revoked at its first revocation time). */
export function markKioskRevoked(db: WritableDb, kioskId: string, now: number): void {
  run(db, sql`UPDATE kiosks SET revoked_at = ${now} WHERE id = ${kioskId} AND revoked_at IS NULL`);
}

export function recordKioskLogin(db: WritableDb, kioskId: string, now: number): void {
  run(db, sql`UPDATE kiosks SET last_login_at = ${now} WHERE id = ${kioskId}`);
}

export function insertExitGrant(
  db: WritableDb,
  grant: {
    readonly hash: string;
    readonly attemptId: string | null;
    readonly kioskId: string | null;
    readonly grantedBy: string;
    readonly expiresAt: number;
  },
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO exit_grants (grant_hash, attempt_id, kiosk_id, granted_by, issued_at, expires_at)
        VALUES (${grant.hash}, ${grant.attemptId}, ${grant.kioskId}, ${grant.grantedBy}, ${now}, ${grant.expiresAt})`,
  );
}

/** Marks a live, unspent grant used and returns what it names; undefined when there is none. */
export function spendExitGrant(
  db: WritableDb,
  hash: string,
  now: number,
): { attempt_id: string | null; kiosk_id: string | null; granted_by: string } | undefined {
  return queryOne<{ attempt_id: string | null; kiosk_id: string | null; granted_by: string }>(
    db,
    sql`UPDATE exit_grants SET used_at = ${now}
        WHERE grant_hash = ${hash} AND used_at IS NULL AND expires_at > ${now}
        RETURNING attempt_id, kiosk_id, granted_by`,
  );
}

/** Voids the unspent grants of a kiosk (the kiosk was revoked): marked used, so never spent. */
export function voidKioskExitGrants(db: WritableDb, kioskId: string, now: number): number {
  return run(
    db,
    sql`UPDATE exit_grants SET used_at = ${now}
        WHERE kiosk_id = ${kioskId} AND used_at IS NULL AND expires_at > ${now}`,
  ).changes;
}
