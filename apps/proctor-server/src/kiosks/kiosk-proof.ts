import { createHmac, timingSafeEqual } from 'node:crypto';
import { kioskProofMessage, type KioskProof, type KioskProofPurpose } from '@skillexam/shared';
import type { ReadableDb } from '../db/sql';
import { findKiosk, type KioskRecord } from './kiosk-registry';

/** A proof's timestamp may be this far from the server clock (PC clocks drift). */
export const KIOSK_PROOF_MAX_SKEW_MS = 5 * 60_000;

/** Why a proof was refused (for the audit record; the client only sees CLIENT_REJECTED). */
export type ProofProblem =
  'missing' | 'unknown-kiosk' | 'revoked' | 'stale' | 'replayed' | 'bad-mac';

export type ProofResult =
  | { readonly ok: true; readonly kiosk: KioskRecord }
  | { readonly ok: false; readonly problem: ProofProblem };

/** HMAC-SHA256 of the proof message, base64url (what an enrolled kiosk computes). */
export function kioskMac(secret: Buffer, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url');
}

/**
 * Checks kiosk proofs (docs/decisions/0216): an enrolled, unrevoked kiosk, a fresh timestamp,
 * a nonce not seen before within the skew window, and a MAC over this request's fields.
 */
export class KioskProofVerifier {
  private readonly seen = new Map<string, number>();

  constructor(private readonly db: ReadableDb) {}

  verify(
    purpose: KioskProofPurpose,
    proof: KioskProof | undefined,
    fields: readonly (string | undefined)[],
    now: number,
  ): ProofResult {
    if (proof === undefined) return { ok: false, problem: 'missing' };
    const kiosk = findKiosk(this.db, proof.kioskId);
    if (kiosk === undefined) return { ok: false, problem: 'unknown-kiosk' };
    if (kiosk.revokedAt !== undefined) return { ok: false, problem: 'revoked' };
    if (Math.abs(now - proof.issuedAt) > KIOSK_PROOF_MAX_SKEW_MS) {
      return { ok: false, problem: 'stale' };
    }
    const expected = Buffer.from(kioskMac(kiosk.secret, kioskProofMessage(purpose, proof, fields)));
    const actual = Buffer.from(proof.mac);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      return { ok: false, problem: 'bad-mac' };
    }
    const key = `${kiosk.id}:${proof.nonce}`;
    this.forgetOld(now);
    if (this.seen.has(key)) return { ok: false, problem: 'replayed' };
    this.seen.set(key, now);
    return { ok: true, kiosk };
  }

  private forgetOld(now: number): void {
    if (this.seen.size < 10_000) return;
    for (const [key, at] of this.seen) {
      if (now - at > 2 * KIOSK_PROOF_MAX_SKEW_MS) this.seen.delete(key);
    }
  }
}
