import { describe, expect, it } from 'vitest';
import {
  hashSetupCode,
  newSetupCode,
  normalizeSetupCode,
  SETUP_CODE_ALPHABET,
  setupCodeMatches,
} from '../../src/setup/setup-code';

describe('set-up code', () => {
  it('is 12 characters of the unambiguous alphabet, grouped XXXX-XXXX-XXXX, different each time', () => {
    const codes = Array.from({ length: 200 }, () => newSetupCode());
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(SETUP_CODE_ALPHABET).toHaveLength(32);
    expect(SETUP_CODE_ALPHABET).not.toMatch(/[01IO]/);
    // every symbol turns up: the draw is over the whole alphabet
    expect(new Set(codes.join('').replaceAll('-', '')).size).toBe(32);
  });

  it('matches however it is typed (case, spaces, hyphens), and nothing else', () => {
    const code = newSetupCode();
    const hash = hashSetupCode(code);
    expect(setupCodeMatches(code, hash)).toBe(true);
    expect(setupCodeMatches(code.toLowerCase().replaceAll('-', ' '), hash)).toBe(true);
    expect(setupCodeMatches(code.replaceAll('-', ''), hash)).toBe(true);
    expect(normalizeSetupCode(' ab-cd ef ')).toBe('ABCDEF');
    const other = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    expect(setupCodeMatches(other, hash)).toBe(false);
    expect(setupCodeMatches('', hash)).toBe(false);
    expect(hash).toHaveLength(32);
    expect(hash.toString('hex')).not.toContain(normalizeSetupCode(code));
  });
});
