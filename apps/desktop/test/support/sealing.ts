import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import {
  contentBuilders,
  itemBody,
  itemBodyFromText,
  sealedPaperAad,
  type ContentKey,
  type SealedPaper,
  type SealedPaperPlaintext,
} from '@skillexam/shared';

/*
 * A seal for unit tests, written from the contract (the server's own seal is exercised against
 * the kiosk's open in test/exam-agent-server.test.ts through the real server process).
 */
export function makeContentKey(): { raw: Buffer; wire: ContentKey } {
  const raw = randomBytes(32);
  const keyId = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return { raw, wire: { keyId, key: raw.toString('base64') } };
}

export function sealForTest(
  plaintext: SealedPaperPlaintext,
  attemptId: string,
  key: { raw: Buffer; wire: ContentKey },
): SealedPaper {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.raw, iv);
  cipher.setAAD(Buffer.from(sealedPaperAad(plaintext.paper.paperId, attemptId), 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(plaintext), 'utf8'),
    cipher.final(),
  ]);
  return {
    paperId: plaintext.paper.paperId,
    keyId: key.wire.keyId,
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** A small paper with secret-looking stem and option texts and one image. */
export function samplePlaintext(paperId = 'paper-1'): SealedPaperPlaintext {
  const hash = createHash('sha256').update(Buffer.from(PNG_1PX, 'base64')).digest('hex');
  return {
    paper: {
      paperId,
      title: '电工（四级）理论知识',
      durationMinutes: 60,
      fullMarks: 100,
      sections: [
        {
          title: '一、单选题',
          itemType: 'single_choice',
          pointsEach: 1,
          items: [
            {
              type: 'single_choice',
              itemId: 'sc1',
              version: 1,
              number: 1,
              points: 1,
              stem: itemBody(
                contentBuilders.paragraph('机密题干：接地电阻不应大于'),
                contentBuilders.image(hash, '接线图'),
              ),
              options: (['A', 'B', 'C', 'D'] as const).map((id) => ({
                id,
                content: itemBodyFromText(`机密选项${id}`),
              })),
            },
          ],
        },
      ],
    },
    assets: { [hash]: { mimeType: 'image/png', dataBase64: PNG_1PX } },
  };
}
