import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import {
  CandidatePaperSchema,
  PaperAnswerKeysSchema,
  type CandidatePaper,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import type { z } from 'zod';
import { openAesGcm } from './aes-gcm';
import { ExamPackageError } from './exam-package-error';
import { keyIdOf, privateKeyFromPem, publicKeyFromPem } from './key-pairs';
import { unwrapKey } from './key-wrap';
import { ANSWER_KEY_PURPOSE, CONTENT_KEY_PURPOSE, KeyringSchema } from './keyring';
import {
  ASSET_ENTRY_PREFIX,
  CONTENT_ENTRY,
  ExamPackageManifestSchema,
  KEYRING_ENTRY,
  KEYS_ENTRY,
  MANIFEST_ENTRY,
  SIGNATURE_ENTRY,
  SignatureFileSchema,
  type ExamPackageManifest,
} from './manifest';
import { contentKeyIdOf, partAad, sha256Hex } from './write-exam-package';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip-archive';

export interface VerifyExamPackageOptions {
  /** Ed25519 public keys (SPKI PEM) whose signatures this site accepts. */
  readonly trustedSigningKeys: readonly string[];
  readonly zipLimits?: ZipLimits;
}

export interface OpenExamPackageOptions extends VerifyExamPackageOptions {
  /** This site server's X25519 private key (PKCS#8 PEM). */
  readonly serverPrivateKeyPem: string;
}

export type VerifyExamPackageResult =
  | { readonly ok: true; readonly manifest: ExamPackageManifest }
  | { readonly ok: false; readonly error: ExamPackageError };

export interface OpenedExamPackage {
  readonly manifest: ExamPackageManifest;
  /** The content key, released to kiosks when the session starts. */
  readonly contentKey: Uint8Array;
  /** content.enc as stored: may be sent to kiosks ahead of the start. */
  readonly encryptedContent: Uint8Array;
  readonly candidatePaper: CandidatePaper;
  /** Server only: never sent to a client. */
  readonly answerKeys: PaperAnswerKeys;
  /** Decrypted images by asset hash. */
  readonly assets: ReadonlyMap<string, Uint8Array>;
}

const FIXED_PARTS = [CONTENT_ENTRY, KEYS_ENTRY, KEYRING_ENTRY] as const;
const ASSET_NAME = /^assets\/[0-9a-f]{64}\.enc$/;

function parseJsonPart<T extends z.ZodType>(
  schema: T,
  bytes: Uint8Array,
  part: string,
): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ExamPackageError('PART_MALFORMED', '不是有效的 UTF-8 JSON (not valid JSON)', part);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
    throw new ExamPackageError('PART_MALFORMED', `格式不符 (${where})`, part);
  }
  return result.data;
}

function requireEntry(entries: ReadonlyMap<string, Uint8Array>, name: string): Uint8Array {
  const bytes = entries.get(name);
  if (bytes === undefined)
    throw new ExamPackageError('PART_MISSING', '缺少该部分 (part missing)', name);
  return bytes;
}

function trustedKeyById(trusted: readonly string[]): Map<string, KeyObject> {
  return new Map(
    trusted.map((pem) => {
      const key = publicKeyFromPem(pem, 'ed25519');
      return [keyIdOf(key), key] as const;
    }),
  );
}

async function verifyParts(
  bytes: Uint8Array,
  options: VerifyExamPackageOptions,
): Promise<{ manifest: ExamPackageManifest; entries: Map<string, Uint8Array> }> {
  const entries = await readZip(bytes, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const manifestBytes = requireEntry(entries, MANIFEST_ENTRY);
  const signature = parseJsonPart(
    SignatureFileSchema,
    requireEntry(entries, SIGNATURE_ENTRY),
    SIGNATURE_ENTRY,
  );
  const signerKey = trustedKeyById(options.trustedSigningKeys).get(signature.keyId);
  if (signerKey === undefined) {
    throw new ExamPackageError(
      'SIGNER_UNTRUSTED',
      `签名密钥 ${signature.keyId} 不在受信任列表中 (signer not trusted)`,
      SIGNATURE_ENTRY,
    );
  }
  if (!verify(null, manifestBytes, signerKey, Buffer.from(signature.signature, 'base64'))) {
    throw new ExamPackageError(
      'SIGNATURE_INVALID',
      '清单签名验证失败 (Ed25519 signature does not verify)',
      MANIFEST_ENTRY,
    );
  }
  const manifest = parseJsonPart(ExamPackageManifestSchema, manifestBytes, MANIFEST_ENTRY);
  if (manifest.signerKeyId !== signature.keyId) {
    throw new ExamPackageError(
      'SIGNATURE_INVALID',
      '清单中的签名者与签名不一致 (signer id mismatch)',
      MANIFEST_ENTRY,
    );
  }
  for (const name of FIXED_PARTS) {
    if (manifest.parts[name] === undefined) {
      throw new ExamPackageError(
        'PART_MALFORMED',
        `清单未列出 ${name} (manifest lacks ${name})`,
        MANIFEST_ENTRY,
      );
    }
  }
  for (const name of Object.keys(manifest.parts)) {
    if (!(FIXED_PARTS as readonly string[]).includes(name) && !ASSET_NAME.test(name)) {
      throw new ExamPackageError(
        'PART_MALFORMED',
        `清单列出未知部分 ${name} (unknown part)`,
        MANIFEST_ENTRY,
      );
    }
  }
  for (const name of entries.keys()) {
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && manifest.parts[name] === undefined) {
      throw new ExamPackageError(
        'PART_UNEXPECTED',
        '清单未列出的多余条目 (entry not in the manifest)',
        name,
      );
    }
  }
  for (const [name, expected] of Object.entries(manifest.parts)) {
    const part = requireEntry(entries, name);
    if (part.length !== expected.size || sha256Hex(part) !== expected.sha256) {
      throw new ExamPackageError(
        'PART_HASH_MISMATCH',
        '内容与清单中的 SHA-256 不符 (hash mismatch)',
        name,
      );
    }
  }
  return { manifest, entries };
}

/** Checks the zip, the signature and every part's hash; decrypts nothing. */
export async function verifyExamPackage(
  bytes: Uint8Array,
  options: VerifyExamPackageOptions,
): Promise<VerifyExamPackageResult> {
  try {
    const { manifest } = await verifyParts(bytes, options);
    return { ok: true, manifest };
  } catch (error) {
    if (error instanceof ExamPackageError) return { ok: false, error };
    throw error;
  }
}

function decryptJson<T extends z.ZodType>(
  schema: T,
  key: Uint8Array,
  sealed: Uint8Array,
  part: string,
): z.infer<T> {
  const plain = openAesGcm(key, sealed, partAad(part), part);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    throw new ExamPackageError(
      'CONTENT_INVALID',
      '解密后不是有效的 JSON (decrypted part is not JSON)',
      part,
    );
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? '' : `${issue.path.join('.')}: ${issue.message}`;
    throw new ExamPackageError('CONTENT_INVALID', `内容格式不符 (${where})`, part);
  }
  return result.data;
}

/** Kiosk side: decrypts content.enc with the content key released at the session start. */
export function decryptCandidateContent(
  encrypted: Uint8Array,
  contentKey: Uint8Array,
): CandidatePaper {
  return decryptJson(CandidatePaperSchema, contentKey, encrypted, CONTENT_ENTRY);
}

/** Decrypts one encrypted image and checks it hashes to its asset hash. */
export function decryptAsset(
  encrypted: Uint8Array,
  contentKey: Uint8Array,
  assetHash: string,
): Uint8Array {
  const name = `${ASSET_ENTRY_PREFIX}${assetHash}.enc`;
  const plain = openAesGcm(contentKey, encrypted, partAad(name), name);
  if (sha256Hex(plain) !== assetHash) {
    throw new ExamPackageError(
      'CONTENT_INVALID',
      '图片内容与其哈希不符 (asset hash mismatch)',
      name,
    );
  }
  return plain;
}

/** Verifies, then decrypts everything with the site server's private key. */
export async function openExamPackage(
  bytes: Uint8Array,
  options: OpenExamPackageOptions,
): Promise<OpenedExamPackage> {
  const { manifest, entries } = await verifyParts(bytes, options);
  const keyring = parseJsonPart(KeyringSchema, requireEntry(entries, KEYRING_ENTRY), KEYRING_ENTRY);
  const serverKey = privateKeyFromPem(options.serverPrivateKeyPem, 'x25519');
  const serverKeyId = keyIdOf(createPublicKey(serverKey));
  if (keyring.recipientKeyId !== serverKeyId || manifest.recipientKeyId !== serverKeyId) {
    throw new ExamPackageError(
      'WRONG_SERVER_KEY',
      `此考试包发给考点服务器 ${manifest.recipientKeyId}，本机为 ${serverKeyId} (encrypted for another server)`,
      KEYRING_ENTRY,
    );
  }
  const contentKey = unwrapKey(keyring.contentKey, serverKey, CONTENT_KEY_PURPOSE);
  const answerKey = unwrapKey(keyring.answerKey, serverKey, ANSWER_KEY_PURPOSE);
  if (contentKeyIdOf(contentKey) !== manifest.contentKeyId) {
    throw new ExamPackageError(
      'CONTENT_INVALID',
      '内容密钥与清单不符 (content key id mismatch)',
      KEYRING_ENTRY,
    );
  }
  const encryptedContent = requireEntry(entries, CONTENT_ENTRY);
  const candidatePaper = decryptCandidateContent(encryptedContent, contentKey);
  const answerKeys = decryptJson(
    PaperAnswerKeysSchema,
    answerKey,
    requireEntry(entries, KEYS_ENTRY),
    KEYS_ENTRY,
  );
  if (candidatePaper.paperId !== manifest.examId || answerKeys.paperId !== manifest.examId) {
    throw new ExamPackageError(
      'CONTENT_INVALID',
      '试卷编号与清单不符 (paper id mismatch)',
      CONTENT_ENTRY,
    );
  }
  const assets = new Map<string, Uint8Array>();
  for (const name of Object.keys(manifest.parts).filter((part) => ASSET_NAME.test(part))) {
    const hash = name.slice(ASSET_ENTRY_PREFIX.length, -'.enc'.length);
    assets.set(hash, decryptAsset(requireEntry(entries, name), contentKey, hash));
  }
  return { manifest, contentKey, encryptedContent, candidatePaper, answerKeys, assets };
}
