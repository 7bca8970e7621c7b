import { createPrivateKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  candidateLoginProofFields,
  kioskProofMessage,
  type KioskEnrollment,
  type KioskProof,
  type KioskProofPurpose,
} from '@skillexam/shared';

/** What a test kiosk needs from its enrollment file: its id and private key. */
export type KioskKey = Pick<KioskEnrollment, 'kioskId' | 'kioskPrivateKey'>;

/** Ed25519 signature of a proof message under the kiosk's private key, base64url. */
export function kioskSignature(kiosk: KioskKey, message: string): string {
  const key = createPrivateKey({
    key: Buffer.from(kiosk.kioskPrivateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  return sign(null, Buffer.from(message, 'utf8'), key).toString('base64url');
}

/** The proof an enrolled kiosk attaches to a request (docs/decisions/0216), as the kiosk does. */
export function kioskProof(
  kiosk: KioskKey,
  purpose: KioskProofPurpose,
  fields: readonly (string | undefined)[],
  issuedAt: number,
): KioskProof {
  const base = { kioskId: kiosk.kioskId, issuedAt, nonce: randomBytes(16).toString('base64url') };
  return { ...base, signature: kioskSignature(kiosk, kioskProofMessage(purpose, base, fields)) };
}

/** A candidate-login body signed by an enrolled kiosk. */
export function kioskLoginBody(
  kiosk: KioskKey,
  request: { admissionTicketNumber: string; examCode: string; clientIntegrity?: string },
  issuedAt: number,
): Record<string, unknown> {
  return {
    ...request,
    clientKind: 'kiosk',
    kioskProof: kioskProof(kiosk, 'candidate-login', candidateLoginProofFields(request), issuedAt),
  };
}

/** A well-formed Ed25519 private key no kiosk was enrolled with (what a forger can make). */
export function unenrolledPrivateKey(): string {
  return generateKeyPairSync('ed25519')
    .privateKey.export({ format: 'der', type: 'pkcs8' })
    .toString('base64');
}
