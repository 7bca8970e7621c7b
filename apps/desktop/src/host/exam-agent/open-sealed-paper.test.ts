import { describe, expect, it } from 'vitest';
import { makeContentKey, samplePlaintext, sealForTest } from '../../../test/support/sealing';
import { contentKeyId, openSealedPaper } from './open-sealed-paper';

describe('openSealedPaper (AES-256-GCM, AAD paperId|attemptId)', () => {
  const key = makeContentKey();
  const plaintext = samplePlaintext();
  const sealed = sealForTest(plaintext, 'att-1', key);

  it('opens the paper and its images for the attempt it was sealed for', () => {
    expect(openSealedPaper(sealed, key.wire, 'att-1')).toEqual(plaintext);
    expect(contentKeyId(key.raw)).toBe(key.wire.keyId);
  });

  it('keeps the plaintext out of the sealed form', () => {
    expect(JSON.stringify(sealed)).not.toContain('机密');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('接地');
  });

  it('refuses a paper sealed for another candidate (AAD)', () => {
    expect(() => openSealedPaper(sealed, key.wire, 'att-2')).toThrow(/不属于本次作答/);
  });

  it('refuses a different key, even one relabelled with the right key id', () => {
    const other = makeContentKey();
    expect(() => openSealedPaper(sealed, other.wire, 'att-1')).toThrow(/不匹配/);
    expect(() =>
      openSealedPaper(sealed, { keyId: key.wire.keyId, key: other.wire.key }, 'att-1'),
    ).toThrow(/不匹配/);
  });

  it.each(['ciphertext', 'tag', 'iv'] as const)('detects a flipped bit in the %s', (field) => {
    const bytes = Buffer.from(sealed[field], 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = { ...sealed, [field]: bytes.toString('base64') };
    expect(() => openSealedPaper(tampered, key.wire, 'att-1')).toThrow(/无法解密/);
  });

  it('refuses a relabelled paper id (it is part of the AAD)', () => {
    expect(() => openSealedPaper({ ...sealed, paperId: 'paper-2' }, key.wire, 'att-1')).toThrow(
      /无法解密/,
    );
  });
});
