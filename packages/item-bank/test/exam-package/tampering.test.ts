import { describe, expect, it } from 'vitest';
import { generateServerKeyPair, generateSigningKeyPair } from '../../src/exam-package/key-pairs';
import type { ExamPackageErrorCode } from '../../src/exam-package/exam-package-error';
import { ExamPackageError } from '../../src/exam-package/exam-package-error';
import {
  decryptCandidateContent,
  openExamPackage,
  verifyExamPackage,
} from '../../src/exam-package/read-exam-package';
import { readZip } from '../../src/exam-package/zip-archive';
import { flipByte, makePackage, resign, rezip, type PackageFixture } from './package-fixture';

async function openError(
  fixture: PackageFixture,
  bytes: Uint8Array,
  serverPrivateKeyPem = fixture.server.privateKeyPem,
) {
  try {
    await openExamPackage(bytes, {
      trustedSigningKeys: [fixture.signer.publicKeyPem],
      serverPrivateKeyPem,
    });
  } catch (error) {
    if (error instanceof ExamPackageError)
      return { code: error.code, part: error.part, message: error.message };
    throw error;
  }
  throw new Error('the package was accepted');
}

describe('tampered exam packages are rejected', () => {
  it('a flipped byte anywhere in any part', async () => {
    const fixture = await makePackage();
    const entries = await readZip(fixture.bytes);
    const expected: Record<string, ExamPackageErrorCode[]> = {
      'manifest.json': ['SIGNATURE_INVALID'],
      'signature.json': ['SIGNATURE_INVALID', 'PART_MALFORMED', 'SIGNER_UNTRUSTED'],
    };
    for (const [name, data] of entries) {
      for (const index of [0, Math.floor(data.length / 2), data.length - 1]) {
        const tampered = await rezip(fixture.bytes, (e) => e.set(name, flipByte(data, index)));
        const error = await openError(fixture, tampered);
        expect(expected[name] ?? ['PART_HASH_MISMATCH'], `${name}[${index}]`).toContain(error.code);
      }
    }
  });

  it('a part swapped for another part or for the same part of another package', async () => {
    const fixture = await makePackage();
    const other = await makePackage({ signer: fixture.signer, server: fixture.server });
    const otherEntries = await readZip(other.bytes);
    const swapped = await rezip(fixture.bytes, (e) => {
      const keys = e.get('keys.enc');
      const content = e.get('content.enc');
      if (keys === undefined || content === undefined) throw new Error('parts missing');
      e.set('content.enc', keys);
      e.set('keys.enc', content);
    });
    expect(await openError(fixture, swapped)).toMatchObject({
      code: 'PART_HASH_MISMATCH',
      part: 'content.enc',
    });
    const foreign = await rezip(fixture.bytes, (e) =>
      e.set('content.enc', otherEntries.get('content.enc') ?? new Uint8Array()),
    );
    expect(await openError(fixture, foreign)).toMatchObject({
      code: 'PART_HASH_MISMATCH',
      part: 'content.enc',
    });
  });

  it('even a re-signed swap fails: parts are bound to their name and key', async () => {
    const fixture = await makePackage();
    const swapped = await rezip(fixture.bytes, (e) => {
      const keys = e.get('keys.enc');
      const content = e.get('content.enc');
      if (keys === undefined || content === undefined) throw new Error('parts missing');
      e.set('content.enc', keys);
      e.set('keys.enc', content);
      resign(e, fixture.signer.privateKeyPem);
    });
    expect(await openError(fixture, swapped)).toMatchObject({
      code: 'DECRYPT_FAILED',
      part: 'content.enc',
    });
  });

  it('a wrong or unknown signing key', async () => {
    const fixture = await makePackage();
    const stranger = generateSigningKeyPair();
    const result = await verifyExamPackage(fixture.bytes, {
      trustedSigningKeys: [stranger.publicKeyPem],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('SIGNER_UNTRUSTED');

    // Forged: re-signed by a stranger who claims the trusted key id.
    const forged = await rezip(fixture.bytes, (e) => resign(e, stranger.privateKeyPem));
    expect(await openError(fixture, forged)).toMatchObject({ code: 'SIGNATURE_INVALID' });
  });

  it('a package for another site server', async () => {
    const fixture = await makePackage();
    const otherServer = generateServerKeyPair();
    expect(await openError(fixture, fixture.bytes, otherServer.privateKeyPem)).toMatchObject({
      code: 'WRONG_SERVER_KEY',
      part: 'keyring.json',
    });
  });

  it('a truncated GCM tag', async () => {
    const fixture = await makePackage();
    const entries = await readZip(fixture.bytes);
    const content = entries.get('content.enc') ?? new Uint8Array();
    const truncated = await rezip(fixture.bytes, (e) => {
      e.set('content.enc', content.subarray(0, content.length - 1));
      resign(e, fixture.signer.privateKeyPem);
    });
    expect(await openError(fixture, truncated)).toMatchObject({
      code: 'DECRYPT_FAILED',
      part: 'content.enc',
    });
    const opened = await openExamPackage(fixture.bytes, {
      trustedSigningKeys: [fixture.signer.publicKeyPem],
      serverPrivateKeyPem: fixture.server.privateKeyPem,
    });
    expect(() =>
      decryptCandidateContent(content.subarray(0, content.length - 1), opened.contentKey),
    ).toThrow(/DECRYPT|解密失败/);
    expect(() => decryptCandidateContent(content.subarray(0, 20), opened.contentKey)).toThrow(
      /密文过短/,
    );
    expect(() => decryptCandidateContent(content, new Uint8Array(32))).toThrow(ExamPackageError);
  });

  it('a manifest edited and re-zipped', async () => {
    const fixture = await makePackage();
    const edited = await rezip(fixture.bytes, (e) => {
      const text = new TextDecoder().decode(e.get('manifest.json'));
      e.set(
        'manifest.json',
        new TextEncoder().encode(text.replace('"passMark":2.4', '"passMark":0')),
      );
    });
    expect(await openError(fixture, edited)).toMatchObject({
      code: 'SIGNATURE_INVALID',
      part: 'manifest.json',
    });
  });

  it('extra and missing entries', async () => {
    const fixture = await makePackage();
    const extra = await rezip(fixture.bytes, (e) =>
      e.set('assets/readme.txt', new Uint8Array([1])),
    );
    expect(await openError(fixture, extra)).toMatchObject({
      code: 'PART_UNEXPECTED',
      part: 'assets/readme.txt',
    });
    for (const name of [
      'manifest.json',
      'signature.json',
      'content.enc',
      'keys.enc',
      'keyring.json',
    ]) {
      const missing = await rezip(fixture.bytes, (e) => e.delete(name));
      expect(await openError(fixture, missing), name).toMatchObject({
        code: 'PART_MISSING',
        part: name,
      });
    }
    const listedButMissing = await rezip(fixture.bytes, (e) => {
      for (const name of e.keys()) if (name.startsWith('assets/')) e.delete(name);
    });
    expect((await openError(fixture, listedButMissing)).code).toBe('PART_MISSING');
  });

  it('not a zip at all', async () => {
    const fixture = await makePackage();
    expect(await openError(fixture, new TextEncoder().encode('hello'))).toMatchObject({
      code: 'ZIP_INVALID',
    });
    expect(
      await openError(fixture, fixture.bytes.subarray(0, fixture.bytes.length - 30)),
    ).toMatchObject({
      code: 'ZIP_INVALID',
    });
  });
});
