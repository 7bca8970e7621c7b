import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * The code in a certificate's QR link: HMAC-SHA-256 of the number under the centre's secret,
 * first 16 bytes, base64url (22 characters). Knowing numbers (they are sequential) does not
 * give codes, so the link opens one certificate without typing and cannot be walked
 * (docs/decisions/1025-public-lookup-without-enumeration.md).
 */

export const LOOKUP_CODE_LENGTH = 22;

export function lookupCode(secret: Uint8Array, number: string): string {
  return createHmac('sha256', secret)
    .update(`certificate:${number}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** Compares in constant time; any malformed code is simply wrong. */
export function lookupCodeMatches(secret: Uint8Array, number: string, code: string): boolean {
  const expected = Buffer.from(lookupCode(secret, number));
  const given = Buffer.alloc(expected.length);
  given.write(code.slice(0, expected.length));
  return timingSafeEqual(expected, given) && code.length === LOOKUP_CODE_LENGTH;
}

/** The public link a certificate's QR code holds. */
export function lookupLink(publicBaseUrl: string, secret: Uint8Array, number: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/verify/${number}/${lookupCode(secret, number)}`;
}
