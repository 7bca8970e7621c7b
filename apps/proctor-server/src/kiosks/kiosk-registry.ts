import { createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { CodedError, KioskNameSchema, type KioskSummary } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { revokeKioskTokens } from '../auth/token-repository';
import { transaction, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import {
  insertKiosk,
  kioskIdByIdOrName,
  kioskRow,
  kioskRows,
  liveKioskIds,
  liveKioskNamed,
  markKioskRevoked,
  voidKioskExitGrants,
} from './kiosk-repository';

/** An enrolled exam PC (docs/decisions/0216). */
export interface KioskRecord {
  readonly id: string;
  readonly name: string;
  /** Its Ed25519 public key; undefined for a PC enrolled with a format /1 file (re-enroll it). */
  readonly publicKey: KeyObject | undefined;
  readonly revokedAt: number | undefined;
}

/**
 * Enrolls a PC: a new id and a fresh Ed25519 key pair, audited. Only the public key is stored;
 * the private key is returned once, for the PC's enrollment file, and kept nowhere else. A live
 * enrollment of the same name from before migration 0140 (no public key) is retired first.
 */
export function enrollKiosk(
  db: WritableDb,
  audit: AuditLog,
  name: string,
  actor: string,
  now: number,
): { kioskId: string; kioskName: string; kioskPrivateKey: string } {
  const parsed = KioskNameSchema.safeParse(name);
  if (!parsed.success) {
    throw new CodedError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'invalid kiosk name');
  }
  const kioskName = parsed.data;
  const kioskId = `kiosk-${randomBytes(9).toString('base64url')}`;
  const pair = generateKeyPairSync('ed25519');
  const kioskPrivateKey = pair.privateKey
    .export({ format: 'der', type: 'pkcs8' })
    .toString('base64');
  const publicKey = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
  transaction(db, () => {
    const taken = liveKioskNamed(db, kioskName);
    if (taken !== undefined && taken.public_key_b64 === null) {
      markKioskRevoked(db, taken.id, now);
      audit.append(
        db,
        {
          actor,
          action: 'kiosk.revoke',
          payload: { kioskId: taken.id, reason: 'outdated-enrollment' },
        },
        now,
      );
    } else if (taken !== undefined) {
      throw new CodedError(
        'CONFLICT',
        `考试机 ${kioskName} 已登记，请先注销 (kiosk already enrolled: revoke it first)`,
      );
    }
    insertKiosk(
      db,
      { id: kioskId, name: kioskName, publicKeyB64: publicKey, enrolledBy: actor },
      now,
    );
    audit.append(db, { actor, action: 'kiosk.enroll', payload: { kioskId, name: kioskName } }, now);
  });
  return { kioskId, kioskName, kioskPrivateKey };
}

export function findKiosk(db: ReadableDb, kioskId: string): KioskRecord | undefined {
  const row = kioskRow(db, kioskId);
  if (row === undefined) return undefined;
  return {
    id: row.id,
    name: row.name,
    publicKey: row.public_key_b64 === null ? undefined : parsePublicKey(row.public_key_b64),
    revokedAt: row.revoked_at ?? undefined,
  };
}

function parsePublicKey(base64: string): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

export function listKiosks(db: ReadableDb): KioskSummary[] {
  return kioskRows(db).map((row) => ({
    kioskId: row.id,
    name: row.name,
    enrolledAt: row.enrolled_at,
    enrolledBy: row.enrolled_by,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
    ...(row.last_login_at === null ? {} : { lastLoginAt: row.last_login_at }),
    ...(row.public_key_b64 === null && row.revoked_at === null
      ? { needsReenrollment: true as const }
      : {}),
  }));
}

/**
 * Revokes a kiosk by id or by the name of its live enrollment, in one audited transaction: its
 * proofs stop working at once, the candidate tokens issued at it are revoked (the token watch
 * drops their sockets within a second, 0217) and its unspent exit grants are voided.
 */
export function revokeKiosk(
  db: WritableDb,
  audit: AuditLog,
  idOrName: string,
  actor: string,
  now: number,
  reason?: string,
): KioskSummary {
  return transaction(db, () => {
    const kioskId = kioskIdByIdOrName(db, idOrName);
    if (kioskId === undefined) {
      throw new CodedError('NOT_FOUND', `没有这台考试机: ${idOrName} (no such kiosk)`);
    }
    markKioskRevoked(db, kioskId, now);
    const revokedTokens = revokeKioskTokens(db, kioskId, now);
    const voidedExitGrants = voidKioskExitGrants(db, kioskId, now);
    audit.append(
      db,
      {
        actor,
        action: 'kiosk.revoke',
        payload: {
          kioskId,
          ...(reason === undefined ? {} : { reason }),
          revokedTokens,
          voidedExitGrants,
        },
      },
      now,
    );
    const summary = listKiosks(db).find((k) => k.kioskId === kioskId);
    if (summary === undefined) throw new Error('kiosk row missing after revoke');
    return summary;
  });
}

/** Revokes every live kiosk in one audited transaction (e.g. the site CA was replaced). */
export function revokeAllKiosks(
  db: WritableDb,
  audit: AuditLog,
  actor: string,
  now: number,
  reason: string,
): KioskSummary[] {
  return transaction(db, () =>
    liveKioskIds(db).map((id) => revokeKiosk(db, audit, id, actor, now, reason)),
  );
}
