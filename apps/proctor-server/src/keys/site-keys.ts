import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  scryptSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { ensurePrivateDir, KeyFileError, readKeyFile, writePrivateFileAtomic } from './key-file';

/*
 * The site's secrets, kept in files beside the database instead of inside it
 * (docs/decisions/0210): a copy of server.db alone can neither forge the audit chain nor open
 * exam packages nor check exam codes offline.
 */

export const KEYS_DIR_NAME = 'keys';
export const AUDIT_SIGNING_KEY_FILE = 'audit-signing.key';
export const SITE_X25519_KEY_FILE = 'site-x25519.key';
export const EXAM_CODE_SECRET_FILE = 'exam-code.secret';
/** The signing key's public half, readable without the passphrase (verification, restore). */
export const AUDIT_PUBLIC_KEY_FILE = 'audit-signing.pub';

export interface Ed25519Key {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
}

export interface SitePackageKey {
  readonly publicKeyPem: string;
  /** Unencrypted PKCS#8, in memory only. */
  readonly privateKeyPem: string;
  readonly keyId: string;
}

export interface SiteKeys {
  /** Signs audit checkpoints, the chain-head witness and results packages. */
  readonly auditSigning: Ed25519Key;
  /** Exam packages are encrypted to its public key. */
  readonly sitePackage: SitePackageKey;
  /** HMAC key of the one-time exam codes (docs/decisions/0253). */
  readonly examCodeSecret: Uint8Array;
}

/** Existing secrets to write into new key files (the move out of an old database). */
export interface LegacySecrets {
  readonly auditSigningPem?: string;
  readonly sitePackagePem?: string;
  readonly examCodeSecret?: Uint8Array;
}

export function keysDirOf(dataDir: string): string {
  return join(dataDir, KEYS_DIR_NAME);
}

function ed25519From(privateKey: KeyObject): Ed25519Key {
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

function packageKeyFrom(privateKey: KeyObject): SitePackageKey {
  const publicKey = createPublicKey(privateKey);
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: keyIdOf(publicKey),
  };
}

/** Keys that live only in memory: `openStore(':memory:')` in tests. */
export function inMemorySiteKeys(): SiteKeys {
  return {
    auditSigning: ed25519From(generateKeyPairSync('ed25519').privateKey),
    sitePackage: packageKeyFrom(generateKeyPairSync('x25519').privateKey),
    examCodeSecret: randomBytes(32),
  };
}

function exportPrivatePem(key: KeyObject, passphrase: string | undefined): string {
  return passphrase === undefined
    ? key.export({ type: 'pkcs8', format: 'pem' }).toString()
    : key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }).toString();
}

function loadPrivateKey(
  path: string,
  type: 'ed25519' | 'x25519',
  passphrase: string | undefined,
): KeyObject {
  const pem = readKeyFile(path);
  const encrypted = pem.includes('ENCRYPTED PRIVATE KEY');
  if (encrypted && passphrase === undefined) {
    throw new KeyFileError(
      `密钥文件已加密，需要口令 (key file is passphrase-protected; set PROCTOR_KEY_PASSPHRASE): ${path}`,
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(encrypted ? { key: pem, passphrase: passphrase ?? '' } : pem);
  } catch {
    throw new KeyFileError(
      `无法读取密钥文件，口令错误或文件损坏 (wrong passphrase or damaged key file): ${path}`,
    );
  }
  if (key.asymmetricKeyType !== type)
    throw new KeyFileError(`密钥类型错误，应为 ${type} (wrong key type): ${path}`);
  return key;
}

const SECRET_PLAIN = 'skillexam-exam-code-secret v1 plain';
const SECRET_SEALED = 'skillexam-exam-code-secret v1 scrypt-aes-256-gcm';

function sealSecret(secret: Uint8Array, passphrase: string | undefined): string {
  if (passphrase === undefined)
    return `${SECRET_PLAIN}\n${Buffer.from(secret).toString('base64')}\n`;
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(passphrase, salt, 32), iv);
  const sealed = Buffer.concat([cipher.update(secret), cipher.final()]);
  const parts = [salt, iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64'));
  return `${SECRET_SEALED}\n${parts.join('.')}\n`;
}

function openSecret(path: string, passphrase: string | undefined): Uint8Array {
  const [header, body = ''] = readKeyFile(path).trim().split('\n');
  if (header === SECRET_PLAIN) return Buffer.from(body, 'base64');
  if (header !== SECRET_SEALED)
    throw new KeyFileError(`不是考试码密钥文件 (not an exam-code secret file): ${path}`);
  if (passphrase === undefined)
    throw new KeyFileError(
      `密钥文件已加密，需要口令 (key file is passphrase-protected; set PROCTOR_KEY_PASSPHRASE): ${path}`,
    );
  const [salt, iv, tag, sealed] = body.split('.').map((p) => Buffer.from(p, 'base64'));
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      scryptSync(passphrase, salt ?? Buffer.alloc(0), 32),
      iv ?? Buffer.alloc(0),
    );
    decipher.setAuthTag(tag ?? Buffer.alloc(0));
    return Buffer.concat([decipher.update(sealed ?? Buffer.alloc(0)), decipher.final()]);
  } catch {
    throw new KeyFileError(
      `无法读取密钥文件，口令错误或文件损坏 (wrong passphrase or damaged key file): ${path}`,
    );
  }
}

/**
 * Refuses to replace lost key files: new keys would void printed exam codes, make the existing
 * chain unverifiable and leave imported packages unreadable (docs/decisions/0210).
 */
function refuseMissingKeys(keysDir: string, legacy: LegacySecrets, why: string): void {
  const missing = [
    ...(legacy.auditSigningPem === undefined ? [AUDIT_SIGNING_KEY_FILE] : []),
    ...(legacy.sitePackagePem === undefined ? [SITE_X25519_KEY_FILE] : []),
    ...(legacy.examCodeSecret === undefined ? [EXAM_CODE_SECRET_FILE] : []),
  ].filter((file) => !existsSync(join(keysDir, file)));
  if (missing.length === 0) return;
  throw new KeyFileError(
    `密钥文件缺失 (key files missing): ${missing.join(', ')} in ${keysDir}\n` +
      `${why}\n` +
      `请把原服务器的 keys/ 目录复制回 ${keysDir} 后重新启动；不会生成新密钥 ` +
      `(copy the site's keys/ folder back there, mode 700/600, and start again; no new keys are made)`,
  );
}

export interface LoadSiteKeysOptions {
  /**
   * Missing key files are generated (a new site). When `false` they are refused: the database
   * already has history, or the caller only verifies (`audit verify`).
   */
  readonly createMissing?: boolean;
  /** Why missing keys are refused (the first line after the file names). */
  readonly refusalReason?: string;
}

/**
 * Loads the three key files from `keysDir`, creating the missing ones (0600, in a 0700 folder):
 * from `legacy` when an old database still held them, otherwise freshly generated unless
 * `createMissing` is `false`.
 */
export function loadOrCreateSiteKeys(
  keysDir: string,
  passphrase: string | undefined,
  legacy: LegacySecrets = {},
  options: LoadSiteKeysOptions = {},
): SiteKeys {
  if (options.createMissing === false)
    refuseMissingKeys(
      keysDir,
      legacy,
      options.refusalReason ??
        '数据库已有审计记录和密钥，换用新密钥会使已打印的考试码失效、审计链无法校验 ' +
          '(the database already has history: new keys would void printed exam codes and the audit chain)',
    );
  ensurePrivateDir(keysDir);
  const signingPath = join(keysDir, AUDIT_SIGNING_KEY_FILE);
  if (!existsSync(signingPath)) {
    const key =
      legacy.auditSigningPem === undefined
        ? generateKeyPairSync('ed25519').privateKey
        : createPrivateKey(legacy.auditSigningPem);
    writePrivateFileAtomic(signingPath, exportPrivatePem(key, passphrase));
  }
  const packagePath = join(keysDir, SITE_X25519_KEY_FILE);
  if (!existsSync(packagePath)) {
    const key =
      legacy.sitePackagePem === undefined
        ? generateKeyPairSync('x25519').privateKey
        : createPrivateKey(legacy.sitePackagePem);
    writePrivateFileAtomic(packagePath, exportPrivatePem(key, passphrase));
  }
  const secretPath = join(keysDir, EXAM_CODE_SECRET_FILE);
  if (!existsSync(secretPath)) {
    writePrivateFileAtomic(
      secretPath,
      sealSecret(legacy.examCodeSecret ?? randomBytes(32), passphrase),
    );
  }
  const keys = {
    auditSigning: ed25519From(loadPrivateKey(signingPath, 'ed25519', passphrase)),
    sitePackage: packageKeyFrom(loadPrivateKey(packagePath, 'x25519', passphrase)),
    examCodeSecret: openSecret(secretPath, passphrase),
  };
  const publicPath = join(keysDir, AUDIT_PUBLIC_KEY_FILE);
  if (
    !existsSync(publicPath) ||
    readFileSync(publicPath, 'utf8') !== keys.auditSigning.publicKeyPem
  )
    writePrivateFileAtomic(publicPath, keys.auditSigning.publicKeyPem);
  return keys;
}

/** The audit public key of a data directory (no passphrase needed), if it has key files. */
export function readAuditPublicKey(keysDir: string): KeyObject | undefined {
  const path = join(keysDir, AUDIT_PUBLIC_KEY_FILE);
  return existsSync(path) ? createPublicKey(readFileSync(path, 'utf8')) : undefined;
}
