import { describe, expect, it } from 'vitest';
import { NonceReplayCache } from './nonce-replay-cache';

describe('nonce replay cache', () => {
  it('accepts a nonce once per kiosk while it can still be valid, then forgets it', () => {
    const cache = new NonceReplayCache(1_000, 10);
    expect(cache.accept('k1', 'n1', 0)).toBe('fresh');
    expect(cache.accept('k1', 'n1', 1_999)).toBe('replayed');
    expect(cache.accept('k2', 'n1', 1_999)).toBe('fresh'); // another kiosk's nonce space
    expect(cache.accept('k1', 'n2', 2_001)).toBe('fresh');
    expect(cache.size).toBe(2); // n1 of k1 aged out (older than twice the window)
  });

  it('bounds what one kiosk can store inside the window without touching the others', () => {
    const cache = new NonceReplayCache(1_000, 3);
    for (const n of ['a', 'b', 'c']) expect(cache.accept('k1', n, 10)).toBe('fresh');
    expect(cache.accept('k1', 'd', 20)).toBe('too-many');
    expect(cache.accept('k2', 'd', 20)).toBe('fresh');
    expect(cache.accept('k1', 'd', 2_011)).toBe('fresh'); // the old ones expired
    expect(cache.size).toBe(2);
  });
});
