import { CodedError, type TrustedSigningKey } from '@skillexam/shared';
import { transaction, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import { deleteTrustedKey, listTrustedKeyRows, trustKeyAuditRows } from './trusted-key-repository';

/*
 * The trusted signing keys as the console shows them (docs/decisions/0961): each with who
 * trusted it (from the audit log), and revoking one with a reason. A revoked key no longer
 * verifies new packages; exams already imported stay, and the audit log keeps the key's history.
 */

function addedByOf(db: ReadableDb): Map<string, string> {
  const by = new Map<string, string>();
  for (const row of trustKeyAuditRows(db)) {
    try {
      const payload = JSON.parse(row.payloadJson) as { keyId?: unknown };
      if (typeof payload.keyId === 'string') by.set(payload.keyId, row.actor); // latest wins
    } catch {
      // an unreadable payload names nobody; `audit verify` reports a broken chain itself
    }
  }
  return by;
}

export function listTrustedKeys(db: ReadableDb): TrustedSigningKey[] {
  const by = addedByOf(db);
  return listTrustedKeyRows(db).map((row) => {
    const actor = by.get(row.keyId);
    return { ...row, ...(actor === undefined ? {} : { addedBy: actor }) };
  });
}

export function revokeTrustedKey(
  db: WritableDb,
  audit: AuditLog,
  input: { readonly keyId: string; readonly reason: string },
  actor: string,
  now: number,
): { keyId: string } {
  return transaction(db, () => {
    if (deleteTrustedKey(db, input.keyId) === 0)
      throw new CodedError(
        'NOT_FOUND',
        `签名公钥 ${input.keyId} 不在受信任列表中 (unknown trusted key)`,
      );
    audit.append(
      db,
      {
        actor,
        action: 'package.revoke-key',
        payload: { keyId: input.keyId, reason: input.reason },
      },
      now,
    );
    return { keyId: input.keyId };
  });
}
