import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  candidateLoginProofFields,
  isOutdatedKioskEnrollment,
  KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
  KioskEnrollmentSchema,
  kioskProofMessage,
  type KioskEnrollment,
  type KioskProof,
  type KioskProofPurpose,
} from '@skillexam/shared';

/*
 * This PC's enrollment (docs/decisions/0216): `enrollment.json` written by the exam admin's
 * `proctor-server kiosk enroll`, in the kiosk's data folder (mode 0600). Its Ed25519 private key
 * never leaves the PC; requests carry a signature over their own fields, a timestamp and a nonce,
 * which the server checks with the public key it kept. A format /1 file (HMAC secret) is refused:
 * the PC must be enrolled again.
 */

export const ENROLLMENT_FILE_NAME = 'enrollment.json';

export class EnrollmentFileError extends Error {}

/**
 * Where this PC's enrollment is: `--enrollment=<file>`, else `SKILLEXAM_ENROLLMENT`, else
 * `enrollment.json` in the kiosk's data folder.
 */
export function enrollmentPath(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  dataDir: string,
): string {
  const arg = argv.find((a) => a.startsWith('--enrollment='))?.slice('--enrollment='.length);
  if (arg !== undefined && arg !== '') return arg;
  const fromEnv = env['SKILLEXAM_ENROLLMENT'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(dataDir, ENROLLMENT_FILE_NAME);
}

/** The enrollment, or undefined when the file does not exist; a broken file is an error. */
export function loadKioskEnrollment(file: string): KioskEnrollment | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EnrollmentFileError(
      `无法读取考试机登记文件 ${file} (cannot read the enrollment file)`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new EnrollmentFileError(
      `考试机登记文件 ${file} 不是有效的 JSON (enrollment file is not JSON)`,
    );
  }
  if (isOutdatedKioskEnrollment(json)) {
    throw new EnrollmentFileError(`${KIOSK_ENROLLMENT_OUTDATED_MESSAGE}: ${file}`);
  }
  const parsed = KioskEnrollmentSchema.safeParse(json);
  if (!parsed.success) {
    throw new EnrollmentFileError(
      `考试机登记文件 ${file} 格式不正确: ${parsed.error.issues[0]?.message ?? ''} (bad enrollment file)`,
    );
  }
  return parsed.data;
}

/** A proof of this kiosk's private key for one request. */
export function signKioskProof(
  enrollment: Pick<KioskEnrollment, 'kioskId' | 'kioskPrivateKey'>,
  purpose: KioskProofPurpose,
  fields: readonly (string | undefined)[],
  issuedAt: number,
): KioskProof {
  const base = {
    kioskId: enrollment.kioskId,
    issuedAt: Math.round(issuedAt),
    nonce: randomBytes(16).toString('base64url'),
  };
  const key = createPrivateKey({
    key: Buffer.from(enrollment.kioskPrivateKey, 'base64'),
    format: 'der',
    type: 'pkcs8',
  });
  const message = Buffer.from(kioskProofMessage(purpose, base, fields), 'utf8');
  return { ...base, signature: sign(null, message, key).toString('base64url') };
}

/** The proof for `POST /api/auth/candidate-login`. */
export function signCandidateLogin(
  enrollment: Pick<KioskEnrollment, 'kioskId' | 'kioskPrivateKey'>,
  request: {
    admissionTicketNumber: string;
    examCode: string;
    clientIntegrity?: string | undefined;
  },
  issuedAt: number,
): KioskProof {
  return signKioskProof(
    enrollment,
    'candidate-login',
    candidateLoginProofFields(request),
    issuedAt,
  );
}
