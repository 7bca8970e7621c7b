import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/*
 * One-time exam codes (考试码), printed on each candidate's admission slip. 8 characters from
 * a 31-character alphabet without look-alikes (no 0, O, 1, I, L): about 39.6 bits, plenty for
 * a code that is rate-limited and valid for one session.
 * Printed as `ABCD-EFGH`; typing is forgiving: case, spaces and hyphens are ignored.
 * Stored only as `hmac-sha256$<salt>$<digest>` (base64url): HMAC-SHA256 keyed with a server
 * secret over salt ‖ code. Cheap enough for a 1,000-candidate login storm, useless without the
 * server secret if the database leaks.
 */

export const EXAM_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const EXAM_CODE_LENGTH = 8;

/** Returns `count` cryptographically random bytes; injectable for tests. */
export type RandomBytes = (count: number) => Uint8Array;

export const cryptoRandomBytes: RandomBytes = (count) => new Uint8Array(randomBytes(count));

function oneCode(random: RandomBytes): string {
  // Rejection sampling: 248 = 8 × 31 is the largest multiple of 31 below 256, so no bias.
  const limit = Math.floor(256 / EXAM_CODE_ALPHABET.length) * EXAM_CODE_ALPHABET.length;
  let code = '';
  while (code.length < EXAM_CODE_LENGTH) {
    for (const byte of random(EXAM_CODE_LENGTH * 2)) {
      if (byte < limit && code.length < EXAM_CODE_LENGTH)
        code += EXAM_CODE_ALPHABET.charAt(byte % EXAM_CODE_ALPHABET.length);
    }
  }
  return code;
}

/** `count` distinct codes. */
export function generateExamCodes(
  count: number,
  random: RandomBytes = cryptoRandomBytes,
): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(oneCode(random));
  return [...codes];
}

/** For printing: `ABCD-EFGH`. */
export function formatExamCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a candidate typed, in canonical form: upper-case, spaces and hyphens removed. */
export function normalizeExamCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]+/gu, '');
}

export function isWellFormedExamCode(code: string): boolean {
  return (
    code.length === EXAM_CODE_LENGTH && [...code].every((char) => EXAM_CODE_ALPHABET.includes(char))
  );
}

function digest(secret: Uint8Array, salt: Buffer, code: string): Buffer {
  return createHmac('sha256', secret).update(salt).update(code, 'utf8').digest();
}

/** The stored form of a code. `secret` is the server's code-hashing key (≥ 32 bytes). */
export function hashExamCode(
  code: string,
  secret: Uint8Array,
  random: RandomBytes = cryptoRandomBytes,
): string {
  if (secret.length < 32) throw new RangeError('The exam-code secret must be at least 32 bytes');
  const salt = Buffer.from(random(16));
  const normalized = normalizeExamCode(code);
  return `hmac-sha256$${salt.toString('base64url')}$${digest(secret, salt, normalized).toString('base64url')}`;
}

/** Whether `typed` is the code behind `stored`; constant-time comparison. */
export function verifyExamCode(typed: string, stored: string, secret: Uint8Array): boolean {
  const [scheme, saltText, digestText] = stored.split('$');
  if (scheme !== 'hmac-sha256' || saltText === undefined || digestText === undefined) return false;
  const expected = Buffer.from(digestText, 'base64url');
  const actual = digest(secret, Buffer.from(saltText, 'base64url'), normalizeExamCode(typed));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
