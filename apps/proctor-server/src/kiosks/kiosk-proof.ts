import { verify as verifySignature } from 'node:crypto';
import { kioskProofMessage, type KioskProof, type KioskProofPurpose } from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import { findKiosk, type KioskRecord } from './kiosk-registry';
import { NonceReplayCache } from './nonce-replay-cache';

/** A proof's timestamp may be this far from the server clock (PC clocks drift). */
export const KIOSK_PROOF_MAX_SKEW_MS = 5 * 60_000;

/** Accepted proofs one kiosk may have inside the replay window (a PC signs a few per exam). */
export const KIOSK_PROOFS_PER_WINDOW = 600;

/** Why a proof was refused (for the audit record; the client only sees CLIENT_REJECTED). */
export type ProofProblem =
  | 'missing'
  | 'unknown-kiosk'
  | 'revoked'
  | 'outdated-enrollment'
  | 'stale'
  | 'replayed'
  | 'too-many'
  | 'bad-signature';

export type ProofResult =
  | { readonly ok: true; readonly kiosk: KioskRecord }
  | { readonly ok: false; readonly problem: ProofProblem };

/**
 * Checks kiosk proofs (docs/decisions/0216): an enrolled, unrevoked kiosk with a public key, a
 * fresh timestamp, an Ed25519 signature over this request's fields by that kiosk's private key,
 * and a nonce not accepted before within the skew window. The server holds no secret that could
 * make such a signature.
 */
export class KioskProofVerifier {
  private readonly nonces = new NonceReplayCache(KIOSK_PROOF_MAX_SKEW_MS, KIOSK_PROOFS_PER_WINDOW);

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
    if (kiosk.publicKey === undefined) return { ok: false, problem: 'outdated-enrollment' };
    if (Math.abs(now - proof.issuedAt) > KIOSK_PROOF_MAX_SKEW_MS) {
      return { ok: false, problem: 'stale' };
    }
    const message = Buffer.from(kioskProofMessage(purpose, proof, fields), 'utf8');
    const signature = Buffer.from(proof.signature, 'base64url');
    if (!verifySignature(null, message, kiosk.publicKey, signature)) {
      return { ok: false, problem: 'bad-signature' };
    }
    const nonce = this.nonces.accept(kiosk.id, proof.nonce, now);
    if (nonce !== 'fresh') return { ok: false, problem: nonce };
    return { ok: true, kiosk };
  }
}
