import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeFingerprint } from '@skillexam/shared';
import { siteServerNames } from './site-names';
import {
  enrollmentPin,
  ensureSiteTls,
  loadSiteTls,
  renewServerCertificate,
  replaceSiteCa,
  siteCertificateFingerprint,
  SiteTlsError,
} from './site-tls';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-tls-'));
  dirs.push(dir);
  return dir;
}

describe('the site certificate in the data directory', () => {
  it('creates an ECDSA P-256 site CA and a server certificate for this machine, keys 0600', async () => {
    const dir = dataDir();
    const { tls, created } = await ensureSiteTls(dir, {
      extraNames: ['exam.local'],
      extraIps: ['10.9.8.7'],
    });
    expect(created).toBe('site-ca');
    expect(tls.names.dnsNames).toEqual(expect.arrayContaining(['localhost', 'exam.local']));
    expect(tls.names.ipAddresses).toEqual(expect.arrayContaining(['127.0.0.1', '10.9.8.7']));
    const ca = new X509Certificate(tls.caCertPem);
    expect(ca.ca).toBe(true);
    expect(ca.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(tls.fingerprint).toBe(ca.fingerprint256);
    for (const key of ['site-ca.key', 'server.key'])
      expect(statSync(join(dir, 'tls', key)).mode & 0o777).toBe(0o600);
    expect(siteCertificateFingerprint(dir)).toBe(tls.fingerprint);
    expect(enrollmentPin(dir)).toBe(tls.fingerprint.replace(/:/g, '').toLowerCase());
  });

  it('keeps the certificate across starts and re-issues it (same pin) when an address is added', async () => {
    const dir = dataDir();
    const first = (await ensureSiteTls(dir)).tls;
    const again = await ensureSiteTls(dir);
    expect(again.created).toBeUndefined();
    expect(again.tls.serverFingerprint).toBe(first.serverFingerprint);
    const wider = await ensureSiteTls(dir, { extraIps: ['10.1.1.1'] });
    expect(wider.created).toBe('server-certificate');
    expect(wider.tls.fingerprint).toBe(first.fingerprint);
    expect(wider.tls.serverFingerprint).not.toBe(first.serverFingerprint);
    expect(wider.tls.names.ipAddresses).toContain('10.1.1.1');
  });

  it('renews near expiry from the same CA; with the CA key offline it needs --ca-key', async () => {
    const dir = dataDir();
    const first = (await ensureSiteTls(dir)).tls;
    const later = new Date(first.serverNotAfter.getTime() - 10 * 86_400_000);
    const renewed = await ensureSiteTls(dir, { now: later });
    expect(renewed.created).toBe('server-certificate');
    expect(renewed.tls.fingerprint).toBe(first.fingerprint);

    const offline = join(dataDir(), 'site-ca.key');
    renameSync(join(dir, 'tls', 'site-ca.key'), offline);
    await expect(renewServerCertificate(dir)).rejects.toThrow(SiteTlsError);
    await expect(renewServerCertificate(dir)).rejects.toThrow(/--ca-key/);
    const manual = await renewServerCertificate(dir, { caKeyFile: offline });
    expect(manual.fingerprint).toBe(first.fingerprint);
    expect(manual.caKeyInDataDir).toBe(false);
    const warned = await ensureSiteTls(dir, { extraIps: ['10.2.2.2'] });
    expect(warned.created).toBeUndefined();
    expect(warned.warning).toMatch(/tls renew --ca-key/);
  });

  it('replace makes a new site CA (a new pin) and keeps the old files aside', async () => {
    const dir = dataDir();
    const first = (await ensureSiteTls(dir)).tls;
    const replaced = await replaceSiteCa(dir);
    expect(replaced.fingerprint).not.toBe(first.fingerprint);
    expect(loadSiteTls(dir).fingerprint).toBe(replaced.fingerprint);
    const archived = readdirSync(join(dir, 'tls')).filter((f) => f.startsWith('replaced-'));
    expect(archived).toHaveLength(1);
    expect(existsSync(join(dir, 'tls', archived[0] ?? '', 'site-ca.key'))).toBe(true);
  });

  it('refuses a server certificate the site CA did not sign', async () => {
    const a = dataDir();
    const b = dataDir();
    await ensureSiteTls(a);
    await ensureSiteTls(b);
    renameSync(join(b, 'tls', 'server.crt'), join(a, 'tls', 'server.crt'));
    expect(() => loadSiteTls(a)).toThrow(/不是本考点证书颁发机构签发的/);
  });

  it('says which extra name or address is wrong', () => {
    expect(() => siteServerNames([], ['10.0.0.300'])).toThrow(/--tls-ip: 不是有效的 IPv4 地址/);
    expect(() => siteServerNames(['bad name'], [])).toThrow(/--tls-name: 不是有效的主机名/);
    expect(() => siteCertificateFingerprint(dataDir())).toThrow(/还没有考点证书/);
    expect(enrollmentPin(dataDir())).toBeUndefined();
  });

  it('normalizes fingerprints however they are written', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeFingerprint(hex)).toBe(Array(32).fill('AB').join(':'));
    expect(normalizeFingerprint(Array(32).fill('ab').join(':'))).toBe(
      Array(32).fill('AB').join(':'),
    );
    expect(normalizeFingerprint('abc')).toBeUndefined();
  });
});
