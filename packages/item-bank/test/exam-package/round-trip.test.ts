import { describe, expect, it } from 'vitest';
import { scoreAttempt } from '@skillexam/shared';
import { canonicalJson } from '../../src/exam-package/canonical-json';
import {
  decryptAsset,
  decryptCandidateContent,
  openExamPackage,
  verifyExamPackage,
} from '../../src/exam-package/read-exam-package';
import { readZip } from '../../src/exam-package/zip-archive';
import { generateServerKeyPair, generateSigningKeyPair } from '../../src/exam-package/key-pairs';
import { writeExamPackage } from '../../src/exam-package/write-exam-package';
import { IMAGE_BYTES, IMAGE_HASH, makePackage, NOW, samplePackagePaper } from './package-fixture';

describe('exam package round trip', () => {
  it('verifies, opens and decrypts what was written', async () => {
    const { bytes, signer, server, input } = await makePackage();
    const verified = await verifyExamPackage(bytes, { trustedSigningKeys: [signer.publicKeyPem] });
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.manifest).toMatchObject({
      format: 'exampkg',
      version: 1,
      examId: 'paper-dg-3-2026a',
      level: 3,
      durationMinutes: 90,
      passMark: 2.4,
      signerKeyId: signer.keyId,
      recipientKeyId: server.keyId,
      createdAt: '2026-06-01T08:00:00.000Z',
    });
    expect(
      verified.manifest.sections.map((s) => [s.itemType, s.itemCount, s.points, s.scoringPolicy]),
    ).toEqual([
      ['true_false', 1, 0.5, undefined],
      ['single_choice', 1, 0.5, undefined],
      ['multiple_choice', 1, 1, 'partial'],
      ['fill_blank', 1, 2, undefined],
    ]);
    expect(Object.keys(verified.manifest.parts).sort()).toEqual(
      ['assets/' + IMAGE_HASH + '.enc', 'content.enc', 'keyring.json', 'keys.enc'].sort(),
    );

    const opened = await openExamPackage(bytes, {
      trustedSigningKeys: [signer.publicKeyPem],
      serverPrivateKeyPem: server.privateKeyPem,
    });
    expect(opened.candidatePaper).toEqual(input.candidatePaper);
    expect(opened.answerKeys).toEqual(input.answerKeys);
    expect(opened.assets.get(IMAGE_HASH)).toEqual(IMAGE_BYTES);
    expect(opened.contentKey).toHaveLength(32);

    // The kiosk side: content released with the key, images too.
    expect(decryptCandidateContent(opened.encryptedContent, opened.contentKey)).toEqual(
      input.candidatePaper,
    );
    const entries = await readZip(bytes);
    const encryptedImage = entries.get(`assets/${IMAGE_HASH}.enc`);
    expect(encryptedImage).toBeDefined();
    if (encryptedImage !== undefined) {
      expect(decryptAsset(encryptedImage, opened.contentKey, IMAGE_HASH)).toEqual(IMAGE_BYTES);
    }

    // The keys open into a scorer-ready answer sheet.
    const score = scoreAttempt(
      opened.answerKeys,
      new Map([['sc1', { kind: 'choice', selected: ['D'] }]]),
    );
    expect(score.total).toBe(0.5);
  });

  it('keeps keys out of the candidate content and everything secret out of plain parts', async () => {
    const { bytes, signer, server } = await makePackage();
    const opened = await openExamPackage(bytes, {
      trustedSigningKeys: [signer.publicKeyPem],
      serverPrivateKeyPem: server.privateKeyPem,
    });
    const content = canonicalJson(opened.candidatePaper);
    expect(content).not.toContain('"key"');
    expect(content).not.toContain('I=U/R');
    expect(content).not.toContain('assessmentPointId');
    const entries = await readZip(bytes);
    const plain = [...entries.values()]
      .map((data) => Buffer.from(data).toString('latin1'))
      .join('\n');
    expect(plain).not.toContain('I=U/R');
    expect(Buffer.from(plain, 'latin1').toString('utf8')).not.toContain('欧姆定律');
  });

  it("carries the paper's 乱序 flags in the manifest, and none for a fixed-order paper", async () => {
    const fixed = await makePackage();
    const opened = await verifyExamPackage(fixed.bytes, {
      trustedSigningKeys: [fixed.signer.publicKeyPem],
    });
    expect(opened.ok && opened.manifest.variation).toBe(undefined);
    const input = samplePackagePaper();
    const variation = { shuffleItems: true, shuffleOptions: false };
    const signer = generateSigningKeyPair();
    const bytes = await writeExamPackage({
      ...input,
      paper: { ...input.paper, variation },
      signerPrivateKeyPem: signer.privateKeyPem,
      recipientPublicKeyPem: generateServerKeyPair().publicKeyPem,
      now: NOW,
    });
    const shuffled = await verifyExamPackage(bytes, { trustedSigningKeys: [signer.publicKeyPem] });
    expect(shuffled.ok && shuffled.manifest.variation).toEqual(variation);
  });

  it('uses fresh keys and IVs for every package', async () => {
    const first = await makePackage();
    const second = await makePackage({ signer: first.signer, server: first.server });
    const a = await readZip(first.bytes);
    const b = await readZip(second.bytes);
    expect(a.get('content.enc')).not.toEqual(b.get('content.enc'));
    expect(a.get('keyring.json')).not.toEqual(b.get('keyring.json'));
  });
});
