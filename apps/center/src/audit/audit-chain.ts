import { createHash } from 'node:crypto';
import { canonicalJson } from '@skillexam/shared';

/*
 * The hash rule of the audit chain (docs/decisions/1002-center-audit-chain.md):
 *   hash = sha256_hex(prev_hash + canonicalJson({ seq, at, actor, action, subject, details }))
 * with `at` as an ISO-8601 UTC string to the millisecond. Pure: no IO.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRecordFields {
  readonly seq: number;
  readonly at: Date;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

/** The details as the store gives them back (what JSON keeps), so the hash survives the round trip. */
export function normaliseDetails(
  details: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details ?? {})) as Record<string, unknown>;
}

/** The millisecond the store keeps: `timestamptz` holds microseconds, a Date milliseconds. */
export function auditTime(at: Date): Date {
  return new Date(Math.floor(at.getTime()));
}

export function auditRecordHash(prevHash: string, record: AuditRecordFields): string {
  const body = canonicalJson({
    seq: record.seq,
    at: record.at.toISOString(),
    actor: record.actor,
    action: record.action,
    subject: record.subject,
    details: record.details,
  });
  return createHash('sha256').update(prevHash, 'utf8').update(body, 'utf8').digest('hex');
}
