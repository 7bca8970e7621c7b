import { z } from 'zod';
import { canonicalJson } from './answer';
import { ReasonSchema } from './reason';

/*
 * Enrolled exam PCs (docs/decisions/0216). The exam admin enrolls each PC once; the enrollment
 * file gives it its own Ed25519 private key, and the kiosk proves possession of that key with a
 * signature over the request fields, a timestamp and a nonce. The server keeps only the public
 * key, so a copy of server.db cannot sign for any PC. This module is the contract only: each side
 * signs or verifies with its own crypto library.
 */

export const KIOSK_ENROLLMENT_FORMAT = 'skillexam-kiosk-enrollment/2';

/** Format /1 carried a shared HMAC secret the server also stored (before decision 0216's update). */
export const OUTDATED_KIOSK_ENROLLMENT_FORMATS: readonly string[] = [
  'skillexam-kiosk-enrollment/1',
];

export const KIOSK_ENROLLMENT_OUTDATED_MESSAGE =
  '考试机登记文件版本过旧，请重新登记 (enrollment file is outdated: enroll this PC again)';

/** True for an enrollment file of an older format (the PC must be enrolled again). */
export function isOutdatedKioskEnrollment(json: unknown): boolean {
  if (typeof json !== 'object' || json === null || !('format' in json)) return false;
  const { format } = json as { format: unknown };
  return typeof format === 'string' && OUTDATED_KIOSK_ENROLLMENT_FORMATS.includes(format);
}

/**
 * An Ed25519 private key as PKCS#8 DER, base64 (48 bytes: a fixed 16-byte header, then the
 * 32-byte seed); the header is checked here, the key itself by node:crypto when it signs.
 */
const Ed25519Pkcs8Base64 = /^MC4CAQAwBQYDK2VwBCIEI[A-Za-z0-9+/]{43}$/;

export const KioskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'kioskId: 8–64 letters, digits, _ or -');

export const KioskNameSchema = z
  .string()
  .trim()
  .min(1, '请填写考试机名称 (kiosk name required)')
  .max(64, '考试机名称最多 64 个字符 (kiosk name too long)');

export const KioskEnrollmentSchema = z.object({
  format: z.literal(KIOSK_ENROLLMENT_FORMAT, {
    error: (issue) =>
      isOutdatedKioskEnrollment({ format: issue.input })
        ? KIOSK_ENROLLMENT_OUTDATED_MESSAGE
        : `format: ${KIOSK_ENROLLMENT_FORMAT} expected`,
  }),
  siteName: z.string().min(1).max(100),
  /** First 16 hex of the site server's signing key, as advertised by discovery. */
  siteKeyId: z.string().regex(/^[0-9a-f]{16}$/, 'siteKeyId: 16 lowercase hex'),
  kioskId: KioskIdSchema,
  kioskName: KioskNameSchema,
  /**
   * This PC's Ed25519 private key, PKCS#8 DER in base64. Only this file holds it (mode 0600);
   * the server stores the public key.
   */
  kioskPrivateKey: z
    .string()
    .regex(Ed25519Pkcs8Base64, 'kioskPrivateKey: an Ed25519 private key (PKCS#8 DER, base64)'),
  serverUrl: z.string().url().optional(),
  /**
   * SHA-256 hex of the site CA certificate (DER) that signs the server's TLS certificate; the
   * kiosk talks only to a server whose chain holds it (docs/decisions/0232).
   */
  serverCertFingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'serverCertFingerprint: 64 lowercase hex')
    .optional(),
});
export type KioskEnrollment = z.infer<typeof KioskEnrollmentSchema>;

/** A kiosk's proof of its private key for one request. */
export const KioskProofSchema = z.object({
  kioskId: KioskIdSchema,
  /**
   * Epoch ms of the signing PC's own clock (both signers use Date.now()); the server refuses a
   * proof more than 5 minutes off its clock and says so (fix the PC's clock).
   */
  issuedAt: z.number().int().nonnegative(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'nonce: 16–64 base64url characters'),
  /**
   * Ed25519 signature of `kioskProofMessage(...)` under the kiosk's private key, base64url. A
   * proof without one comes from a kiosk still on format /1 (an HMAC `mac`): it must re-enroll.
   */
  signature: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? KIOSK_ENROLLMENT_OUTDATED_MESSAGE
          : 'signature: Ed25519, base64url',
    })
    .regex(/^[A-Za-z0-9_-]{86}$/, 'signature: Ed25519, base64url'),
});
export type KioskProof = z.infer<typeof KioskProofSchema>;

/** What a proof is for: a candidate login or a proctor's exit grant. */
export type KioskProofPurpose = 'candidate-login' | 'exit-grant';

/** The first element of every signed proof message; names the message's layout. */
export const KIOSK_PROOF_TAG = 'skillexam-kiosk/3';

/**
 * The exact text a proof's signature covers: the canonical JSON of the array [tag + purpose,
 * kiosk, time, nonce, ...the request's own fields (trimmed)], so no field can spill into the next
 * (a ticket "A\nB" with code "C" signs differently from "A" with "B\nC"). Server and kiosk both
 * call this one function; a proof for one request cannot be moved to another.
 */
export function kioskProofMessage(
  purpose: KioskProofPurpose,
  proof: Pick<KioskProof, 'kioskId' | 'issuedAt' | 'nonce'>,
  fields: readonly (string | undefined)[],
): string {
  return canonicalJson([
    `${KIOSK_PROOF_TAG} ${purpose}`,
    proof.kioskId,
    proof.issuedAt,
    proof.nonce,
    ...fields.map((field) => (field ?? '').trim()),
  ]);
}

/** The fields a candidate-login proof covers, in order. */
export function candidateLoginProofFields(request: {
  readonly admissionTicketNumber: string;
  readonly examCode: string;
  readonly clientIntegrity?: string | undefined;
}): string[] {
  return [request.admissionTicketNumber, request.examCode, request.clientIntegrity ?? ''];
}

/** `POST /api/kiosk/exit-grant`: a proctor's credentials typed at the kiosk. */
export const ExitGrantRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The enrolled kiosk's own proof; the server finds the candidate logged in at it (0218). */
  kioskProof: KioskProofSchema.optional(),
  /** The kiosk agent's candidate token, when someone is logged in (same as a Bearer header). */
  candidateToken: z.string().min(1).max(200).optional(),
});
export type ExitGrantRequest = z.infer<typeof ExitGrantRequestSchema>;

export const ExitGrantResultSchema = z.object({
  grant: z.string(),
  expiresAt: z.number(),
  grantedBy: z.string(),
  role: z.enum(['admin', 'proctor']),
});
export type ExitGrantResult = z.infer<typeof ExitGrantResultSchema>;

/** `POST /api/kiosk/exit`: spends the grant (once). */
export const ExitGrantRedeemSchema = z.object({ grant: z.string().min(1).max(200) });
export type ExitGrantRedeem = z.infer<typeof ExitGrantRedeemSchema>;
export const ExitGrantRedeemResultSchema = z.object({
  done: z.literal(true),
  grantedBy: z.string(),
});

export const KioskEnrollRequestSchema = z.object({
  name: KioskNameSchema,
  serverUrl: z.string().url().optional(),
  /** Printed in the file for the admin's benefit; default 考点. */
  siteName: z.string().trim().min(1).max(100).optional(),
});
/** POST /api/kiosks/revoke: the reason goes into the audit chain (docs/decisions/0986). */
export const KioskRevokeRequestSchema = z.object({
  kioskId: KioskIdSchema,
  reason: ReasonSchema,
});

export const KioskSummarySchema = z.object({
  kioskId: z.string(),
  name: z.string(),
  enrolledAt: z.number(),
  enrolledBy: z.string(),
  revokedAt: z.number().optional(),
  lastLoginAt: z.number().optional(),
  /** Enrolled with a format /1 file (shared secret, no public key): enroll the PC again. */
  needsReenrollment: z.literal(true).optional(),
});
export type KioskSummary = z.infer<typeof KioskSummarySchema>;

/**
 * A SHA-256 certificate fingerprint as people compare them (browsers' certificate viewers,
 * `openssl x509 -fingerprint -sha256`): `AB:CD:…`, 32 upper-case hex pairs. Accepts any spelling
 * (with or without colons or spaces, either case); undefined if it is not one.
 */
export function normalizeFingerprint(value: string): string | undefined {
  const hex = value.replace(/[\s:]/g, '').toUpperCase();
  return /^[0-9A-F]{64}$/.test(hex) ? (hex.match(/../g) ?? []).join(':') : undefined;
}
