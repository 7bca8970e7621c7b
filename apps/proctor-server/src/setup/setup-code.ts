import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/*
 * The one-time set-up code of a first run (docs/decisions/0970): 12 characters from an alphabet
 * without look-alikes (no 0/O, 1/I; 32 symbols), shown as XXXX-XXXX-XXXX: 60 bits, far beyond guessing at
 * the rate the server allows. Only its SHA-256 is kept; typed codes are compared in constant time.
 */

export const SETUP_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A fresh code, e.g. `7KQM-R2XD-9HVT`. */
export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g += 1) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i += 1)
      group += SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a person may type for a code: any case, with or without spaces and hyphens. */
export function normalizeSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** The SHA-256 of the normalised code: all the server keeps. */
export function hashSetupCode(code: string): Buffer {
  return createHash('sha256').update(normalizeSetupCode(code), 'utf8').digest();
}

/** Whether `typed` is the code of `hash`, in time independent of where they differ. */
export function setupCodeMatches(typed: string, hash: Buffer): boolean {
  return timingSafeEqual(hashSetupCode(typed), hash);
}
