import { describe, expect, it } from 'vitest';
import {
  candidateLoginProofFields,
  KIOSK_ENROLLMENT_FORMAT,
  KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
  KioskEnrollmentSchema,
  KioskProofSchema,
  kioskProofMessage,
} from './kiosk-enrollment';

/** The PKCS#8 DER of an Ed25519 key with an all-0x01 seed, base64 (header + 32 bytes). */
const PRIVATE_KEY = Buffer.concat([
  Buffer.from('302e020100300506032b657004220420', 'hex'),
  Buffer.alloc(32, 1),
]).toString('base64');

describe('kiosk enrollment contract', () => {
  it('binds purpose, kiosk, time, nonce and the trimmed request fields as canonical JSON', () => {
    const proof = { kioskId: 'kiosk-0001', issuedAt: 5, nonce: 'n'.repeat(16) };
    const fields = candidateLoginProofFields({ admissionTicketNumber: ' T1 ', examCode: 'C' });
    expect(kioskProofMessage('candidate-login', proof, fields)).toBe(
      `["skillexam-kiosk/3 candidate-login","kiosk-0001",5,"${'n'.repeat(16)}","T1","C",""]`,
    );
    // no field spills into the next: "A\nB" + "C" and "A" + "B\nC" are different messages
    expect(kioskProofMessage('candidate-login', proof, ['A\nB', 'C', ''])).not.toBe(
      kioskProofMessage('candidate-login', proof, ['A', 'B\nC', '']),
    );
    expect(kioskProofMessage('exit-grant', proof, ['T1', 'C', ''])).not.toBe(
      kioskProofMessage('candidate-login', proof, fields),
    );
  });

  it('accepts a well-formed enrollment file and names what is wrong with a bad one', () => {
    const file = {
      format: KIOSK_ENROLLMENT_FORMAT,
      siteName: '考点',
      siteKeyId: '0123456789abcdef',
      kioskId: 'kiosk-0001',
      kioskName: 'PC-01',
      kioskPrivateKey: PRIVATE_KEY,
    };
    expect(KioskEnrollmentSchema.parse(file)).toEqual(file);
    const bad = KioskEnrollmentSchema.safeParse({ ...file, siteKeyId: 'XYZ' });
    expect(bad.success ? '' : bad.error.issues[0]?.message).toMatch(/siteKeyId/);
    expect(KioskEnrollmentSchema.safeParse({ ...file, format: 'other/1' }).success).toBe(false);
    const key = KioskEnrollmentSchema.safeParse({ ...file, kioskPrivateKey: 'A'.repeat(64) });
    expect(key.success ? '' : key.error.issues[0]?.message).toMatch(/Ed25519/);
  });

  it('names an enrollment file or a proof of format /1 as outdated: the PC must re-enroll', () => {
    const old = {
      format: 'skillexam-kiosk-enrollment/1',
      siteName: '考点',
      siteKeyId: '0123456789abcdef',
      kioskId: 'kiosk-0001',
      kioskName: 'PC-01',
      kioskSecret: Buffer.alloc(32, 1).toString('base64'),
    };
    const file = KioskEnrollmentSchema.safeParse(old);
    expect(file.success ? '' : file.error.issues[0]?.message).toBe(
      KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
    );
    const hmacProof = { kioskId: 'kiosk-0001', issuedAt: 5, nonce: 'n'.repeat(16), mac: 'm' };
    const proof = KioskProofSchema.safeParse(hmacProof);
    expect(proof.success ? '' : proof.error.issues[0]?.message).toBe(
      KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
    );
    const signed = KioskProofSchema.safeParse({ ...hmacProof, signature: 's'.repeat(86) });
    expect(signed.success).toBe(true);
  });
});
