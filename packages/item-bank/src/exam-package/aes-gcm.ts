import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ExamPackageError } from './exam-package-error';

/*
 * AES-256-GCM sealed box: 12-byte random IV ‖ ciphertext ‖ 16-byte tag. The associated data
 * names what the box holds (e.g. `exampkg/1/content.enc`), so a box moved to another part
 * does not decrypt.
 */

export const KEY_BYTES = 32;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

export function randomKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

export function sealAesGcm(key: Uint8Array, plaintext: Uint8Array, aad: string): Uint8Array {
  if (key.length !== KEY_BYTES) throw new RangeError(`An AES-256 key is ${KEY_BYTES} bytes`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, body, cipher.getAuthTag()]));
}

/** Opens a sealed box; throws ExamPackageError DECRYPT_FAILED naming `part` on any failure. */
export function openAesGcm(
  key: Uint8Array,
  sealed: Uint8Array,
  aad: string,
  part: string,
): Uint8Array {
  if (key.length !== KEY_BYTES) {
    throw new ExamPackageError(
      'DECRYPT_FAILED',
      `密钥长度错误 (key must be ${KEY_BYTES} bytes)`,
      part,
    );
  }
  if (sealed.length < IV_BYTES + TAG_BYTES) {
    throw new ExamPackageError(
      'DECRYPT_FAILED',
      `密文过短，缺少 IV 或认证标签 (ciphertext shorter than IV + 16-byte tag)`,
      part,
    );
  }
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const body = sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
  } catch {
    throw new ExamPackageError(
      'DECRYPT_FAILED',
      '解密失败：密钥错误或内容被篡改 (AES-256-GCM authentication failed)',
      part,
    );
  }
}
