import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import { KIOSK_ENROLLMENT_FORMAT, kioskProofMessage } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  EnrollmentFileError,
  enrollmentPath,
  loadKioskEnrollment,
  signCandidateLogin,
} from './kiosk-enrollment';

const enrollment = {
  format: KIOSK_ENROLLMENT_FORMAT,
  siteName: '考点',
  siteKeyId: '0123456789abcdef',
  kioskId: 'kiosk-test-0001',
  kioskName: 'PC-01',
  kioskSecret: Buffer.alloc(32, 3).toString('base64'),
};

describe('kiosk enrollment on the PC', () => {
  it('loads a valid file, treats a missing one as not enrolled and refuses a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-enrollment-'));
    const file = join(dir, 'enrollment.json');
    expect(loadKioskEnrollment(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify(enrollment));
    expect(loadKioskEnrollment(file)?.kioskId).toBe('kiosk-test-0001');
    writeFileSync(file, JSON.stringify({ ...enrollment, kioskSecret: 'short' }));
    expect(() => loadKioskEnrollment(file)).toThrow(EnrollmentFileError);
    writeFileSync(file, '{');
    expect(() => loadKioskEnrollment(file)).toThrow(/JSON/);
  });

  it('signs the login fields with the secret and never includes the secret', () => {
    const request = { admissionTicketNumber: ' T1 ', examCode: 'ABCD2345' };
    const proof = signCandidateLogin(enrollment, request, 1_000);
    const expected = createHmac('sha256', Buffer.from(enrollment.kioskSecret, 'base64'))
      .update(kioskProofMessage('candidate-login', proof, ['T1', 'ABCD2345', '']))
      .digest('base64url');
    expect(proof.mac).toBe(expected);
    expect(JSON.stringify(proof)).not.toContain(enrollment.kioskSecret);
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
