import { describe, expect, it } from 'vitest';
import {
  ContentKeySchema,
  SealedPaperPlaintextSchema,
  SealedPaperSchema,
  sealedPaperAad,
} from './sealed-paper';

const b64 = (bytes: number) => btoa(String.fromCharCode(...new Array<number>(bytes).fill(7)));

describe('sealed paper contract', () => {
  const sealed = {
    paperId: 'p1',
    keyId: '0123456789abcdef',
    algorithm: 'aes-256-gcm',
    iv: b64(12),
    tag: b64(16),
    ciphertext: b64(40),
  };

  it('accepts the documented shapes and byte lengths', () => {
    expect(SealedPaperSchema.parse(sealed)).toEqual(sealed);
    expect(ContentKeySchema.parse({ keyId: sealed.keyId, key: b64(32) }).key).toBe(b64(32));
    expect(
      SealedPaperPlaintextSchema.parse({
        paper: { paperId: 'p1', title: '试卷', durationMinutes: 90, fullMarks: 100, sections: [] },
        assets: { ['a'.repeat(64)]: { mimeType: 'image/png', dataBase64: b64(3) } },
      }).assets,
    ).toHaveProperty('a'.repeat(64));
  });

  it('refuses wrong IV, tag and key lengths, another algorithm and a bad key id', () => {
    expect(SealedPaperSchema.safeParse({ ...sealed, iv: b64(16) }).success).toBe(false);
    expect(SealedPaperSchema.safeParse({ ...sealed, tag: b64(12) }).success).toBe(false);
    expect(SealedPaperSchema.safeParse({ ...sealed, algorithm: 'aes-128-gcm' }).success).toBe(
      false,
    );
    expect(SealedPaperSchema.safeParse({ ...sealed, keyId: 'ABC' }).success).toBe(false);
    expect(ContentKeySchema.safeParse({ keyId: sealed.keyId, key: b64(31) }).success).toBe(false);
    expect(
      SealedPaperPlaintextSchema.safeParse({
        paper: { paperId: 'p1', title: 't', durationMinutes: 1, fullMarks: 1, sections: [] },
        assets: { 'not-a-hash': { mimeType: 'image/png', dataBase64: b64(3) } },
      }).success,
    ).toBe(false);
  });

  it('binds a sealed paper to its paper and attempt', () => {
    expect(sealedPaperAad('paper-1', 'a42')).toBe('paper-1|a42');
  });
});
