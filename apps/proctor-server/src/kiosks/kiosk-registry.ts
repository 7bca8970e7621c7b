import { randomBytes } from 'node:crypto';
import { CodedError, KioskNameSchema, type KioskSummary } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import {
  queryAll,
  queryOne,
  run,
  sql,
  transaction,
  type ReadableDb,
  type WritableDb,
} from '../db/sql';

/** An enrolled exam PC (docs/decisions/0216). */
export interface KioskRecord {
  readonly id: string;
  readonly name: string;
  /** The HMAC key, 32 bytes. */
  readonly secret: Buffer;
  readonly revokedAt: number | undefined;
}

interface KioskRow {
  id: string;
  name: string;
  secret_b64: string;
  enrolled_at: number;
  enrolled_by: string;
  revoked_at: number | null;
  last_login_at: number | null;
}

/** Enrolls a PC: a new id and a fresh 32-byte secret, audited (the secret is not). */
export function enrollKiosk(
  db: WritableDb,
  audit: AuditLog,
  name: string,
  actor: string,
  now: number,
): { kioskId: string; kioskName: string; kioskSecret: string } {
  const parsed = KioskNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new CodedError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid kiosk name');
  }
  const kioskName = parsed.data;
  const kioskId = `kiosk-${randomBytes(9).toString('base64url')}`;
  const kioskSecret = randomBytes(32).toString('base64');
  transaction(db, () => {
    const taken = queryOne<{ id: string }>(
      db,
      sql`SELECT id FROM kiosks WHERE name = ${kioskName} AND revoked_at IS NULL`,
    );
    if (taken !== undefined) {
      throw new CodedError(
        'CONFLICT',
        `考试机 ${kioskName} 已登记，请先注销 (kiosk already enrolled: revoke it first)`,
      );
    }
    run(
      db,
      sql`INSERT INTO kiosks (id, name, secret_b64, enrolled_at, enrolled_by)
          VALUES (${kioskId}, ${kioskName}, ${kioskSecret}, ${now}, ${actor})`,
    );
    audit.append(db, { actor, action: 'kiosk.enroll', payload: { kioskId, name: kioskName } }, now);
  });
  return { kioskId, kioskName, kioskSecret };
}

export function findKiosk(db: ReadableDb, kioskId: string): KioskRecord | undefined {
  const row = queryOne<KioskRow>(db, sql`SELECT * FROM kiosks WHERE id = ${kioskId}`);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    name: row.name,
    secret: Buffer.from(row.secret_b64, 'base64'),
    revokedAt: row.revoked_at ?? undefined,
  };
}

export function listKiosks(db: ReadableDb): KioskSummary[] {
  return queryAll<KioskRow>(db, sql`SELECT * FROM kiosks ORDER BY name, enrolled_at`).map(
    (row) => ({
      kioskId: row.id,
      name: row.name,
      enrolledAt: row.enrolled_at,
      enrolledBy: row.enrolled_by,
      ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
      ...(row.last_login_at === null ? {} : { lastLoginAt: row.last_login_at }),
    }),
  );
}

/** Revokes a kiosk by id or by the name of its live enrollment; its proofs stop working at once. */
export function revokeKiosk(
  db: WritableDb,
  audit: AuditLog,
  idOrName: string,
  actor: string,
  now: number,
): KioskSummary {
  return transaction(db, () => {
    const row =
      queryOne<{ id: string }>(db, sql`SELECT id FROM kiosks WHERE id = ${idOrName}`) ??
      queryOne<{ id: string }>(
        db,
        sql`SELECT id FROM kiosks WHERE name = ${idOrName} AND revoked_at IS NULL`,
      );
    if (row === undefined) {
      throw new CodedError('NOT_FOUND', `没有这台考试机: ${idOrName} (no such kiosk)`);
    }
    run(db, sql`UPDATE kiosks SET revoked_at = ${now} WHERE id = ${row.id} AND revoked_at IS NULL`);
    audit.append(db, { actor, action: 'kiosk.revoke', payload: { kioskId: row.id } }, now);
    const summary = listKiosks(db).find((k) => k.kioskId === row.id);
    if (summary === undefined) throw new Error('kiosk row missing after revoke');
    return summary;
  });
}

export function recordKioskLogin(db: WritableDb, kioskId: string, now: number): void {
  run(db, sql`UPDATE kiosks SET last_login_at = ${now} WHERE id = ${kioskId}`);
}
