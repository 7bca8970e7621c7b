import { randomBytes } from 'node:crypto';
import {
  candidateLoginProofFields,
  kioskProofMessage,
  type KioskEnrollment,
  type KioskProof,
  type KioskProofPurpose,
} from '@skillexam/shared';
import { kioskMac } from '../../src/kiosks/kiosk-proof';

/** What a test kiosk needs from its enrollment file: its id and secret. */
export type KioskKey = Pick<KioskEnrollment, 'kioskId' | 'kioskSecret'>;

/** The proof an enrolled kiosk attaches to a request (docs/decisions/0216), as the kiosk does. */
export function kioskProof(
  kiosk: KioskKey,
  purpose: KioskProofPurpose,
  fields: readonly (string | undefined)[],
  issuedAt: number,
): KioskProof {
  const base = { kioskId: kiosk.kioskId, issuedAt, nonce: randomBytes(16).toString('base64url') };
  const mac = kioskMac(
    Buffer.from(kiosk.kioskSecret, 'base64'),
    kioskProofMessage(purpose, base, fields),
  );
  return { ...base, mac };
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
