import { createDecipheriv, createHash } from 'node:crypto';
import {
  CodedError,
  sealedPaperAad,
  SealedPaperPlaintextSchema,
  type ContentKey,
  type SealedPaper,
  type SealedPaperPlaintext,
} from '@skillexam/shared';

/** keyId of a content key: the first 16 hex digits of SHA-256 over the raw key bytes. */
export function contentKeyId(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Opens the candidate's sealed paper in memory (AES-256-GCM, 16-byte tag, AAD
 * `${paperId}|${attemptId}`). Refuses a key that is not the one the paper was sealed with, a
 * paper sealed for another attempt, and any tampered byte; nothing is ever written to disk here.
 */
export function openSealedPaper(
  sealed: SealedPaper,
  contentKey: ContentKey,
  attemptId: string,
): SealedPaperPlaintext {
  const key = Buffer.from(contentKey.key, 'base64');
  if (key.length !== 32)
    throw new CodedError('CONFLICT', '试卷密钥长度不正确 (content key is not 32 bytes)');
  if (contentKeyId(key) !== contentKey.keyId || contentKey.keyId !== sealed.keyId) {
    throw new CodedError(
      'CONFLICT',
      `试卷密钥与本机试卷不匹配 (key ${contentKey.keyId} does not open paper sealed with ${sealed.keyId})`,
    );
  }
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16) {
    throw new CodedError('CONFLICT', '加密试卷格式不正确 (iv must be 12 bytes, tag 16 bytes)');
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(Buffer.from(sealedPaperAad(sealed.paperId, attemptId), 'utf8'));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
      decipher.final(),
    ]);
  } catch {
    throw new CodedError(
      'CONFLICT',
      '试卷无法解密：文件已损坏或不属于本次作答 (authentication failed)',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new CodedError('INTERNAL', '解密后的试卷不是有效的 JSON (sealed paper is not JSON)');
  } finally {
    plaintext.fill(0);
  }
  const parsed = SealedPaperPlaintextSchema.safeParse(json);
  if (!parsed.success) {
    throw new CodedError(
      'INTERNAL',
      `解密后的试卷格式不正确：${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  if (parsed.data.paper.paperId !== sealed.paperId) {
    throw new CodedError('CONFLICT', '解密后的试卷编号与封装信息不一致 (paperId mismatch)');
  }
  return parsed.data;
}
