import { X509Certificate } from 'node:crypto';

/*
 * Certificate fingerprints as people compare them: SHA-256 of the DER certificate, upper-case
 * hex pairs joined by colons (what browsers' certificate viewers and `openssl x509 -fingerprint
 * -sha256` show); `normalizeFingerprint` (any spelling → that form) is in @skillexam/shared.
 */

/** The SHA-256 fingerprint of a PEM or DER certificate (the first one in a PEM bundle). */
export function certificateFingerprint(certificate: string | Buffer): string {
  return new X509Certificate(certificate).fingerprint256;
}

/** Splits a PEM bundle into its certificates (server certificate first, then the CA). */
export function splitPemBundle(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
}
