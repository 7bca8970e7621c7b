import type { Queryable } from '../db/center-db';
import type { AuditEntry, AuditLog } from './audit-log';
import { auditRecordHash, auditTime, normaliseDetails } from './audit-chain';
import { insertAuditRecord, lockAuditHead } from './audit-repository';

/*
 * The AuditLog of the centre's store: appends in the writer's transaction after locking the
 * one-row `audit_head` (SELECT … FOR UPDATE), so concurrent writers queue and each links to the
 * record committed before it. The lock is held to the writer's commit: append last in a
 * transaction, after the checks that may fail.
 */

export function createPgAuditLog(now: () => Date = () => new Date()): AuditLog {
  return {
    async append(tx: Queryable, entry: AuditEntry): Promise<number> {
      const head = await lockAuditHead(tx);
      const seq = head.seq + 1;
      const record = {
        seq,
        at: auditTime(now()),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        details: normaliseDetails(entry.details),
      };
      const hash = auditRecordHash(head.hash, record);
      await insertAuditRecord(tx, { ...record, prev_hash: head.hash, hash });
      return seq;
    },
  };
}
