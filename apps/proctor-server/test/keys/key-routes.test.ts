import { generateSigningKeyPair } from '@skillexam/item-bank';
import type { ImportedExamPackage, SitePackageKey, TrustedSigningKey } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPackage } from '../support/exam-package';
import { startTestServer, type TestServer } from '../support/util';
import { adminClient } from './site-admin-client';

/*
 * 密钥与试卷包 over HTTP on a real server (port 0): the site key as the CLI prints it, trusting
 * and revoking signing keys (audited, with the CLI's check), a package import showing what was
 * verified and the server's own refusals; a proctor is refused every route.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const auditCount = (s: TestServer, action: string) =>
  (
    s.components.store.db
      .prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?')
      .get(action) as { n: number }
  ).n;

describe('key and package routes', () => {
  it('shows the site key, trusts a key, imports a package, revokes the key', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    const site = await admin.get<SitePackageKey>('/api/keys/site');
    expect(site.data?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(site.data?.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');

    const { bytes, signer } = await buildPackage(server.components.store);
    // no trusted key yet: the server's own words
    const early = await admin.post('/api/exams/import', bytes);
    expect(early.error?.message).toMatch(/尚未配置受信任的签名公钥/);

    const bad = await admin.post('/api/keys/trusted', { pem: 'not a key', label: '中心' });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toBe('不是有效的 Ed25519 公钥 PEM (not an Ed25519 SPKI public key)');
    const trusted = await admin.post<{ keyId: string }>('/api/keys/trusted', {
      pem: signer.publicKeyPem,
      label: '省职业技能鉴定中心',
    });
    const keyId = trusted.data?.keyId ?? '';
    expect(keyId).toBe(signer.keyId);
    const list = await admin.get<TrustedSigningKey[]>('/api/keys/trusted');
    expect(list.data).toEqual([
      { keyId, label: '省职业技能鉴定中心', addedAt: expect.any(Number), addedBy: 'staff:admin1' },
    ]);

    const tampered = Uint8Array.from(bytes);
    const index = Math.floor(tampered.length / 2);
    tampered[index] = (tampered[index] ?? 0) ^ 0xff;
    const refused = await admin.post('/api/exams/import', tampered);
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/^考试包无效: /);

    const imported = await admin.post<ImportedExamPackage>('/api/exams/import', bytes);
    expect(imported.data).toEqual({
      examId: 'exam-pkg-paper',
      title: expect.any(String),
      items: 11,
      assets: expect.any(Number),
      signerKeyId: keyId,
      siteKeyId: site.data?.keyId,
    });
    const exams = await admin.get<{ examId: string }[]>('/api/exams');
    expect(exams.data?.map((e) => e.examId)).toEqual(['exam-pkg-paper']);

    expect((await admin.post('/api/keys/trusted/revoke', { keyId })).status).toBe(400);
    const revoked = await admin.post('/api/keys/trusted/revoke', { keyId, reason: '密钥泄露' });
    expect(revoked.data).toEqual({ keyId });
    expect((await admin.get<unknown[]>('/api/keys/trusted')).data).toEqual([]);
    expect(auditCount(server, 'package.revoke-key')).toBe(1);
    const again = await admin.post('/api/keys/trusted/revoke', { keyId, reason: '再次' });
    expect(again.error?.code).toBe('NOT_FOUND');
  });

  it('refuses a package signed by an untrusted key and one addressed to another site', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    const other = await startTestServer();
    try {
      const { bytes, signer } = await buildPackage(server.components.store);
      const elsewhere = await buildPackage(other.components.store, signer);
      await admin.post('/api/keys/trusted', {
        pem: generateSigningKeyPair().publicKeyPem,
        label: '别的中心',
      });
      const untrusted = await admin.post('/api/exams/import', bytes);
      expect(untrusted.error?.message).toMatch(
        /^考试包无效: signature.json: 签名密钥 [0-9a-f]{16} 不在受信任列表中/,
      );
      await admin.post('/api/keys/trusted', { pem: signer.publicKeyPem, label: '中心' });
      const addressed = await admin.post('/api/exams/import', elsewhere.bytes);
      expect(addressed.error?.message).toMatch(
        /^考试包无效: .*此考试包发给考点服务器 [0-9a-f]{16}，本机为/,
      );
      expect((await admin.get<unknown[]>('/api/exams')).data).toEqual([]);
    } finally {
      await other.closeAll();
    }
  });

  it('refuses a proctor every key route', async () => {
    server = await startTestServer();
    const proctor = adminClient(server.url, await server.staffToken('proctor', 'p1'));
    expect((await proctor.get('/api/keys/site')).status).toBe(403);
    expect((await proctor.get('/api/keys/trusted')).status).toBe(403);
    const pem = generateSigningKeyPair().publicKeyPem;
    expect((await proctor.post('/api/keys/trusted', { pem, label: 'x' })).status).toBe(403);
    const revoke = await proctor.post('/api/keys/trusted/revoke', {
      keyId: '0123456789abcdef',
      reason: 'x',
    });
    expect(revoke.status).toBe(403);
    expect((await proctor.post('/api/exams/import', new Uint8Array([1]))).status).toBe(403);
    expect(auditCount(server, 'package.trust-key')).toBe(0);
  });
});
