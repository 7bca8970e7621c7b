import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import {
  KIOSK_ENROLLMENT_FORMAT,
  KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
  kioskProofMessage,
} from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  EnrollmentFileError,
  enrollmentPath,
  loadKioskEnrollment,
  signCandidateLogin,
} from './kiosk-enrollment';

const keys = generateKeyPairSync('ed25519');
const enrollment = {
  format: KIOSK_ENROLLMENT_FORMAT,
  siteName: '考点',
  siteKeyId: '0123456789abcdef',
  kioskId: 'kiosk-test-0001',
  kioskName: 'PC-01',
  kioskPrivateKey: keys.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
};

describe('kiosk enrollment on the PC', () => {
  it('loads a valid file, treats a missing one as not enrolled and refuses a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-enrollment-'));
    const file = join(dir, 'enrollment.json');
    expect(loadKioskEnrollment(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify(enrollment));
    expect(loadKioskEnrollment(file)?.kioskId).toBe('kiosk-test-0001');
    writeFileSync(file, JSON.stringify({ ...enrollment, kioskPrivateKey: 'short' }));
    expect(() => loadKioskEnrollment(file)).toThrow(EnrollmentFileError);
    writeFileSync(file, '{');
    expect(() => loadKioskEnrollment(file)).toThrow(/JSON/);
  });

  it('refuses a format /1 file (HMAC secret) with the re-enroll message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-enrollment-'));
    const file = join(dir, 'enrollment.json');
    const { kioskPrivateKey: _key, ...rest } = enrollment;
    writeFileSync(
      file,
      JSON.stringify({
        ...rest,
        format: 'skillexam-kiosk-enrollment/1',
        kioskSecret: Buffer.alloc(32, 3).toString('base64'),
      }),
    );
    expect(() => loadKioskEnrollment(file)).toThrow(KIOSK_ENROLLMENT_OUTDATED_MESSAGE);
  });

  it('signs the login fields with the private key and never includes the key', () => {
    const request = { admissionTicketNumber: ' T1 ', examCode: 'ABCD2345' };
    const proof = signCandidateLogin(enrollment, request, 1_000);
    const message = kioskProofMessage('candidate-login', proof, ['T1', 'ABCD2345', '']);
    const publicKey = createPublicKey(keys.privateKey);
    const signature = Buffer.from(proof.signature, 'base64url');
    expect(verify(null, Buffer.from(message), publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from(`${message}x`), publicKey, signature)).toBe(false);
    expect(JSON.stringify(proof)).not.toContain(enrollment.kioskPrivateKey);
    expect(signCandidateLogin(enrollment, request, 1_000).nonce).not.toBe(proof.nonce);
  });

  it('finds the file from the command line, the environment or the data folder', () => {
    expect(
      enrollmentPath(['--enrollment=/a.json'], { SKILLEXAM_ENROLLMENT: '/b.json' }, '/d'),
    ).toBe('/a.json');
    expect(enrollmentPath([], { SKILLEXAM_ENROLLMENT: '/b.json' }, '/d')).toBe('/b.json');
    expect(enrollmentPath([], {}, '/d')).toBe(join('/d', 'enrollment.json'));
  });
});
