import { createHash } from 'node:crypto';
import { canonicalJson } from '@skillexam/shared';

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecord {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly payloadHash: string;
  readonly prevHash: string;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function payloadHash(payload: unknown): string {
  return sha256(canonicalJson(payload));
}

/** hash = SHA-256 of the canonical JSON of every field, including the previous hash. */
export function recordHash(record: AuditRecord): string {
  return sha256(
    canonicalJson([
      record.seq,
      record.at,
      record.actor,
      record.action,
      record.payloadHash,
      record.prevHash,
    ]),
  );
}
