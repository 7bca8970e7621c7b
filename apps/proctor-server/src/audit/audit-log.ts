import { sign } from 'node:crypto';
import { canonicalJson } from '@skillexam/shared';
import { queryOne, run, sql, type WritableDb } from '../db/sql';
import { GENESIS_HASH, recordHash, sha256 } from './chain';
import type { ServerKey } from './server-key';

export interface AuditEntry {
  /** `staff:<username>`, `candidate:<attemptId>`, `system` or `cli:<user>`. */
  readonly actor: string;
  /** `domain.verb`, e.g. `answer.save`, `session.start`. */
  readonly action: string;
  readonly payload: unknown;
}

export interface AuditLog {
  /** Appends one record; MUST be called inside the transaction that makes the change. */
  append(db: WritableDb, entry: AuditEntry, at: number): number;
}

/**
 * The append side of the hash chain. It reads the chain head from the database each time
 * (a primary-key lookup), so a CLI command and the server never fork the chain, and signs a
 * checkpoint every `checkpointEvery` records with the server's Ed25519 key.
 */
export function createAuditLog(key: ServerKey, checkpointEvery = 100): AuditLog {
  return {
    append(db, entry, at) {
      const head = queryOne<{ seq: number; hash: string }>(
        db,
        sql`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`,
      );
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
      run(
        db,
        sql`INSERT INTO audit_log (seq, at, actor, action, payload_json, payload_hash, prev_hash, hash)
            VALUES (${seq}, ${at}, ${record.actor}, ${record.action}, ${payloadJson},
                    ${record.payloadHash}, ${record.prevHash}, ${hash})`,
      );
      if (seq % checkpointEvery === 0) {
        const signature = sign(null, Buffer.from(hash, 'hex'), key.privateKey).toString('base64');
        run(
          db,
          sql`INSERT INTO audit_checkpoints (seq, hash, signature, at) VALUES (${seq}, ${hash}, ${signature}, ${at})`,
        );
      }
      return seq;
    },
  };
}
