import { describe, expect, it } from 'vitest';
import {
  candidateLoginProofFields,
  KIOSK_ENROLLMENT_FORMAT,
  KioskEnrollmentSchema,
  kioskProofMessage,
} from './kiosk-enrollment';

describe('kiosk enrollment contract', () => {
  it('binds purpose, kiosk, time, nonce and the trimmed request fields, one per line', () => {
    const proof = { kioskId: 'kiosk-0001', issuedAt: 5, nonce: 'n'.repeat(16) };
    const fields = candidateLoginProofFields({ admissionTicketNumber: ' T1 ', examCode: 'C' });
    expect(kioskProofMessage('candidate-login', proof, fields)).toBe(
      `skillexam-kiosk/1 candidate-login\nkiosk-0001\n5\n${'n'.repeat(16)}\nT1\nC\n`,
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
      kioskSecret: Buffer.alloc(32, 1).toString('base64'),
    };
    expect(KioskEnrollmentSchema.parse(file)).toEqual(file);
    const bad = KioskEnrollmentSchema.safeParse({ ...file, siteKeyId: 'XYZ' });
    expect(bad.success ? '' : bad.error.issues[0]?.message).toMatch(/siteKeyId/);
    expect(KioskEnrollmentSchema.safeParse({ ...file, format: 'other/1' }).success).toBe(false);
  });
});
