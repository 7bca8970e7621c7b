import { sign } from 'node:crypto';
import { canonicalJson } from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import type { Ed25519Key } from '../keys/site-keys';
import { chainHead, headForSeal, insertAuditRecord, insertCheckpoint } from './audit-repository';
import { GENESIS_HASH, recordHash, sha256 } from '@skillexam/item-bank/results-package';

export interface AuditEntry {
  /** `staff:<username>`, `candidate:<attemptId>`, `system` or `cli:<user>`. */
  readonly actor: string;
  /** `domain.verb`, e.g. `answer.save`, `session.start`. */
  readonly action: string;
  readonly payload: unknown;
}

export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  /** Ed25519 over the record hash's 32 bytes, base64. */
  readonly signature: string;
  readonly at: number;
}

export interface AuditLog {
  /** Appends one record; MUST be called inside the transaction that makes the change. */
  append(db: WritableDb, entry: AuditEntry, at: number): number;
  /**
   * Signs a checkpoint for the chain head when it has none (the last record appended in the
   * current transaction). `openStore` runs it before every commit (`setBeforeCommitHook`);
   * appends outside a transaction seal at once.
   */
  sealTransaction(db: WritableDb): void;
}

export interface AuditLogOptions {
  /** Called after a checkpoint is written (inside the transaction): the head witness. */
  readonly onSealed?: (checkpoint: AuditCheckpoint) => void;
}

export function signCheckpoint(
  key: Ed25519Key,
  seq: number,
  hash: string,
  at: number,
): AuditCheckpoint {
  const signature = sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
  return { seq, hash, signature, at };
}

/**
 * The append side of the hash chain. It reads the chain head from the database each time
 * (a primary-key lookup), so a CLI command and the server never fork the chain, and signs a
 * checkpoint for the last record of every write transaction with the audit signing key, which
 * lives in a key file, not in the database (docs/decisions/0210, 0211).
 */
export function createAuditLog(key: Ed25519Key, options: AuditLogOptions = {}): AuditLog {
  // The head is read from the database, never remembered: a rolled-back transaction leaves
  // nothing behind to sign, and a record another process appended (and signed) is left alone.
  const seal = (db: WritableDb): void => {
    const head = headForSeal(db);
    if (head === undefined || head.signed === 1) return;
    const checkpoint = signCheckpoint(key, head.seq, head.hash, head.at);
    insertCheckpoint(db, checkpoint);
    options.onSealed?.(checkpoint);
  };
  return {
    sealTransaction: seal,
    append(db, entry, at) {
      const head = chainHead(db);
      const seq = (head?.seq ?? 0) + 1;
      const payloadJson = canonicalJson(entry.payload);
      const record = {
        seq,
        at,
        actor: entry.actor,
        action: entry.action,
        payloadHash: sha256(payloadJson),
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const hash = recordHash(record);
      insertAuditRecord(db, { ...record, payloadJson, hash });
      if (!db.inTransaction) seal(db);
      return seq;
    },
  };
}
