import {
  KIOSK_ENROLLMENT_FORMAT,
  KioskEnrollmentSchema,
  type KioskEnrollment,
} from '@skillexam/shared';

/**
 * The `enrollment.json` handed to one exam PC (schema in shared, docs/decisions/0216): it carries
 * the PC's Ed25519 private key, so it is written with mode 0600 and kept only on that PC.
 */
export function enrollmentFile(input: {
  readonly siteName: string;
  readonly siteKeyId: string;
  readonly kiosk: { kioskId: string; kioskName: string; kioskPrivateKey: string };
  readonly serverUrl?: string | undefined;
  /** The site CA's SHA-256 (64 lowercase hex, src/tls enrollmentPin): the kiosk pins it. */
  readonly serverCertFingerprint?: string | undefined;
}): KioskEnrollment {
  return KioskEnrollmentSchema.parse({
    format: KIOSK_ENROLLMENT_FORMAT,
    siteName: input.siteName,
    siteKeyId: input.siteKeyId,
    ...input.kiosk,
    ...(input.serverUrl === undefined ? {} : { serverUrl: input.serverUrl }),
    ...(input.serverCertFingerprint === undefined
      ? {}
      : { serverCertFingerprint: input.serverCertFingerprint }),
  });
}
