import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyFileError } from './key-file';
import {
  AUDIT_SIGNING_KEY_FILE,
  EXAM_CODE_SECRET_FILE,
  loadOrCreateSiteKeys,
  readAuditPublicKey,
  SITE_X25519_KEY_FILE,
} from './site-keys';

function keysDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'site-keys-')), 'keys');
}

describe('site key files', () => {
  it('creates the three keys once (0600 in a 0700 folder) and loads the same keys again', () => {
    const dir = keysDir();
    const created = loadOrCreateSiteKeys(dir, undefined);
    expect((statSync(dir).mode & 0o777).toString(8)).toBe('700');
    for (const file of [AUDIT_SIGNING_KEY_FILE, SITE_X25519_KEY_FILE, EXAM_CODE_SECRET_FILE])
      expect((statSync(join(dir, file)).mode & 0o777).toString(8)).toBe('600');
    const loaded = loadOrCreateSiteKeys(dir, undefined);
    expect(loaded.auditSigning.publicKeyPem).toBe(created.auditSigning.publicKeyPem);
    expect(loaded.sitePackage.privateKeyPem).toBe(created.sitePackage.privateKeyPem);
    expect(Buffer.from(loaded.examCodeSecret)).toEqual(Buffer.from(created.examCodeSecret));
    expect(created.examCodeSecret).toHaveLength(32);
    expect(readAuditPublicKey(dir)?.equals(created.auditSigning.publicKey)).toBe(true);
  });

  it('protects every key with a passphrase when given one, and needs it to load', () => {
    const dir = keysDir();
    const created = loadOrCreateSiteKeys(dir, 'correct horse battery staple');
    expect(readFileSync(join(dir, AUDIT_SIGNING_KEY_FILE), 'utf8')).toContain(
      'ENCRYPTED PRIVATE KEY',
    );
    expect(readFileSync(join(dir, SITE_X25519_KEY_FILE), 'utf8')).toContain(
      'ENCRYPTED PRIVATE KEY',
    );
    expect(readFileSync(join(dir, EXAM_CODE_SECRET_FILE), 'utf8')).toContain('scrypt-aes-256-gcm');
    expect(() => loadOrCreateSiteKeys(dir, undefined)).toThrow(/需要口令 .*PROCTOR_KEY_PASSPHRASE/);
    expect(() => loadOrCreateSiteKeys(dir, 'wrong')).toThrow(/口令错误或文件损坏/);
    const loaded = loadOrCreateSiteKeys(dir, 'correct horse battery staple');
    expect(Buffer.from(loaded.examCodeSecret)).toEqual(Buffer.from(created.examCodeSecret));
    // the public key stays readable for verification without the passphrase
    expect(readAuditPublicKey(dir)?.equals(created.auditSigning.publicKey)).toBe(true);
  });

  it('refuses key files the group or others can read, naming the fix', () => {
    const dir = keysDir();
    loadOrCreateSiteKeys(dir, undefined);
    const file = join(dir, EXAM_CODE_SECRET_FILE);
    chmodSync(file, 0o640);
    expect(() => loadOrCreateSiteKeys(dir, undefined)).toThrow(KeyFileError);
    expect(() => loadOrCreateSiteKeys(dir, undefined)).toThrow(`chmod 600 ${file}`);
  });

  it('refuses a key of the wrong type and a damaged secret', () => {
    const dir = keysDir();
    const keys = loadOrCreateSiteKeys(dir, undefined);
    writeFileSync(join(dir, AUDIT_SIGNING_KEY_FILE), keys.sitePackage.privateKeyPem, {
      mode: 0o600,
    });
    expect(() => loadOrCreateSiteKeys(dir, undefined)).toThrow(/密钥类型错误，应为 ed25519/);
    const other = keysDir();
    loadOrCreateSiteKeys(other, undefined);
    writeFileSync(join(other, EXAM_CODE_SECRET_FILE), 'garbage\n', { mode: 0o600 });
    expect(() => loadOrCreateSiteKeys(other, undefined)).toThrow(/不是考试码密钥文件/);
  });

  it('with createMissing false, names the missing files, says to copy keys/ back and writes nothing', () => {
    const dir = keysDir();
    loadOrCreateSiteKeys(dir, undefined);
    rmSync(join(dir, SITE_X25519_KEY_FILE));
    const load = () => loadOrCreateSiteKeys(dir, undefined, {}, { createMissing: false });
    expect(load).toThrow(KeyFileError);
    expect(load).toThrow(`密钥文件缺失 (key files missing): ${SITE_X25519_KEY_FILE} in ${dir}`);
    expect(load).toThrow('请把原服务器的 keys/ 目录复制回');
    expect(existsSync(join(dir, SITE_X25519_KEY_FILE))).toBe(false);
    const empty = keysDir();
    expect(() =>
      loadOrCreateSiteKeys(empty, undefined, {}, { createMissing: false, refusalReason: 'why' }),
    ).toThrow(/audit-signing.key, site-x25519.key, exam-code.secret .*\nwhy\n/);
    expect(existsSync(empty)).toBe(false);
  });
});
