import { createHash, createPrivateKey } from 'node:crypto';
import type { ReadableDb } from '@skillexam/shared/sql';
import { KeyFileError } from './key-file';
import { legacyPrivatePem } from './key-repository';
import type { LegacySecrets, SiteKeys } from './site-keys';

/*
 * Databases written before docs/decisions/0210 kept the Ed25519 signing key and the X25519
 * package key in `server_keys` / `package_key` and derived the exam-code secret from the former.
 * On the first start after the upgrade these are written to key files, then migration 0090
 * clears the columns. The exam-code secret keeps its old value so printed admission slips work.
 */

/** The exam-code secret as the old code derived it from the signing key. */
export function legacyExamCodeSecret(signingKeyPem: string): Uint8Array {
  return createHash('sha256')
    .update('skillexam/exam-code-secret/v1\u0000')
    .update(signingKeyPem)
    .digest();
}

/** Private keys an old database still holds (nothing for a new or migrated one). */
export function readLegacySecrets(db: ReadableDb): LegacySecrets {
  const auditSigningPem = legacyPrivatePem(db, 'server_keys');
  const sitePackagePem = legacyPrivatePem(db, 'package_key');
  return {
    ...(auditSigningPem === undefined
      ? {}
      : { auditSigningPem, examCodeSecret: legacyExamCodeSecret(auditSigningPem) }),
    ...(sitePackagePem === undefined ? {} : { sitePackagePem }),
  };
}

/**
 * Refuses key files that are not the keys the old database held: clearing the columns would
 * otherwise lose the keys that signed the existing chain and that packages were encrypted to.
 */
export function checkLegacySecretsMatch(legacy: LegacySecrets, keys: SiteKeys): void {
  const sameSigning =
    legacy.auditSigningPem === undefined ||
    keys.auditSigning.privateKey
      .export({ type: 'pkcs8', format: 'der' })
      .equals(createPrivateKeyDer(legacy.auditSigningPem));
  const samePackage =
    legacy.sitePackagePem === undefined ||
    createPrivateKeyDer(keys.sitePackage.privateKeyPem).equals(
      createPrivateKeyDer(legacy.sitePackagePem),
    );
  if (!sameSigning || !samePackage) {
    throw new KeyFileError(
      '密钥文件与数据库中的旧密钥不一致，未做任何更改 (key files differ from the keys still in server.db; nothing changed): ' +
        '请移走 keys/ 目录中的文件后重新启动 (move the files in keys/ aside and start again)',
    );
  }
}

function createPrivateKeyDer(pem: string): Buffer {
  return createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
}
