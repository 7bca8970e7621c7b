import { createHash, randomBytes } from 'node:crypto';
import { CodedError, type ExitGrantResult, type StaffRole } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { insertExitGrant, spendExitGrant } from './kiosk-repository';

/** How long a kiosk exit grant can be spent. */
export const EXIT_GRANT_TTL_MS = 60_000;

/**
 * Who the grant is for: the attempt logged in at the kiosk (with the enrolled kiosk it sits at,
 * when known), or the enrolled kiosk itself when nobody is logged in there.
 */
export type ExitGrantHolder =
  | { readonly kind: 'attempt'; readonly attemptId: string; readonly kioskId?: string }
  | { readonly kind: 'kiosk'; readonly kioskId: string };

const hashGrant = (grant: string): string =>
  createHash('sha256').update(grant, 'utf8').digest('hex');

const EXIT_ROLES: ReadonlySet<StaffRole> = new Set(['admin', 'proctor']);

/**
 * A single-use permission to leave one kiosk (docs/decisions/0218), never a staff session:
 * only its SHA-256 is stored, it names its holder and the proctor who granted it, and lives
 * one minute.
 */
export function issueExitGrant(
  db: WritableDb,
  audit: AuditLog,
  input: {
    readonly holder: ExitGrantHolder;
    readonly staff: { readonly username: string; readonly role: StaffRole };
    readonly ip: string;
  },
  now: number,
): ExitGrantResult {
  const { holder, staff } = input;
  if (!EXIT_ROLES.has(staff.role)) {
    throw new CodedError(
      'FORBIDDEN',
      '只有监考员或管理员可以退出考试机 (only a proctor or admin may let a kiosk exit)',
    );
  }
  const grant = randomBytes(32).toString('base64url');
  const expiresAt = now + EXIT_GRANT_TTL_MS;
  const attemptId = holder.kind === 'attempt' ? holder.attemptId : null;
  const kioskId = holder.kioskId ?? null;
  transaction(db, () => {
    insertExitGrant(
      db,
      { hash: hashGrant(grant), attemptId, kioskId, grantedBy: staff.username, expiresAt },
      now,
    );
    audit.append(
      db,
      {
        actor: `staff:${staff.username}`,
        action: 'kiosk.exit-granted',
        payload: { attemptId, kioskId, ip: input.ip },
      },
      now,
    );
  });
  return {
    grant,
    expiresAt,
    grantedBy: staff.username,
    role: staff.role === 'admin' ? 'admin' : 'proctor',
  };
}

/** Spends a grant: only once, only before it expires; the kiosk quits only after this. */
export function redeemExitGrant(
  db: WritableDb,
  audit: AuditLog,
  grant: string,
  now: number,
): { done: true; grantedBy: string } {
  return transaction(db, () => {
    const spent = spendExitGrant(db, hashGrant(grant), now);
    if (spent === undefined) {
      throw new CodedError(
        'FORBIDDEN',
        '退出授权无效、已过期或已使用 (exit grant invalid, expired or already used)',
      );
    }
    audit.append(
      db,
      {
        actor:
          spent.attempt_id === null
            ? `kiosk:${spent.kiosk_id ?? ''}`
            : `candidate:${spent.attempt_id}`,
        action: 'kiosk.exit',
        payload: {
          attemptId: spent.attempt_id,
          kioskId: spent.kiosk_id,
          grantedBy: spent.granted_by,
        },
      },
      now,
    );
    return { done: true as const, grantedBy: spent.granted_by };
  });
}
