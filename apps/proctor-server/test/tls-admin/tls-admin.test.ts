import { mkdtempSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import type { SiteCertificate, TlsRenewReply } from '@skillexam/shared';
import { openStore } from '../../src/db/store';
import { renewSiteCertificate } from '../../src/tls/tls-admin';
import { ensureSiteTls, loadSiteTls } from '../../src/tls/site-tls';
import { auditRows } from '../results-push/audit-rows';
import { resultsClient } from '../results-push/results-client';
import { startTestServer, type TestServer } from '../support/util';

/*
 * 考点证书 over HTTP (GET /api/tls, POST /api/tls/renew): what `tls show` prints, a renewal from
 * the same CA (the pin kiosks hold does not change), audited with its reason; an HTTPS server
 * serves the renewed certificate to the next connection without a restart.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

async function siteServer(): Promise<{ server: TestServer; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tls-admin-'));
  await ensureSiteTls(dataDir, { siteName: '测试考点', extraNames: ['exam.local'] });
  server = await startTestServer({ store: openStore(dataDir) });
  return { server, dataDir };
}

/** The SHA-256 of the certificate a TLS server presents to a new connection. */
function servedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
      socket.end();
    });
    socket.once('error', reject);
  });
}

describe('GET /api/tls and POST /api/tls/renew', () => {
  it('shows the certificate; a renewal keeps the pin and the names, audited with the reason', async () => {
    const { server: s, dataDir } = await siteServer();
    const api = resultsClient(s.url, await s.staffToken('admin', 'admin1'));
    const before = loadSiteTls(dataDir);
    const shown = (await api.json<SiteCertificate>('GET', '/api/tls')).data;
    expect(shown).toMatchObject({
      fingerprint: before.fingerprint,
      serverFingerprint: before.serverFingerprint,
      caKeyInDataDir: true,
      renewalTakesEffect: 'next-start', // this test server listens on plain HTTP
    });
    expect(shown?.dnsNames).toContain('exam.local');
    expect(shown?.ipAddresses).toContain('127.0.0.1');

    const noReason = await api.json('POST', '/api/tls/renew', { reason: '  ' });
    expect(noReason).toMatchObject({ status: 400, error: { code: 'BAD_REQUEST' } });
    expect(loadSiteTls(dataDir).serverFingerprint).toBe(before.serverFingerprint);

    const renewed = await api.json<TlsRenewReply>('POST', '/api/tls/renew', {
      reason: '证书将到期',
    });
    expect(renewed.data).toMatchObject({ fingerprint: before.fingerprint, appliedNow: false });
    expect(renewed.data?.serverFingerprint).not.toBe(before.serverFingerprint);
    expect(renewed.data?.dnsNames).toContain('exam.local');
    expect(loadSiteTls(dataDir).serverFingerprint).toBe(renewed.data?.serverFingerprint);
    expect(auditRows(s.components.store, 'tls.renewed')).toEqual([
      {
        actor: 'staff:admin1',
        payload: expect.objectContaining({
          reason: '证书将到期',
          fingerprint: before.fingerprint,
          previousServerFingerprint: before.serverFingerprint,
          appliedNow: false,
        }),
      },
    ]);
  }, 60_000);

  it('an HTTPS server serves the renewed certificate to the next connection', async () => {
    const { server: s, dataDir } = await siteServer();
    const tls = loadSiteTls(dataDir);
    const https = createHttpsServer({ key: tls.key, cert: tls.cert });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = https.address() as AddressInfo;
      expect(await servedFingerprint(port)).toBe(tls.serverFingerprint);
      const reply = await renewSiteCertificate(s.components, https, '演练', 'staff:admin');
      expect(reply).toMatchObject({ renewalTakesEffect: 'live', appliedNow: true });
      expect(await servedFingerprint(port)).toBe(reply.serverFingerprint);
      expect(reply.serverFingerprint).not.toBe(tls.serverFingerprint);
    } finally {
      await new Promise((resolve) => https.close(resolve));
    }
  }, 60_000);

  it('a server without a data directory or certificate says so', async () => {
    server = await startTestServer();
    const api = resultsClient(server.url, await server.staffToken('admin'));
    const none = await api.json('GET', '/api/tls');
    expect(none.error?.code).toBe('UNAVAILABLE');
    expect(none.error?.message).toMatch(/没有数据目录/);
    await server.closeAll();
    server = await startTestServer({ store: openStore(mkdtempSync(join(tmpdir(), 'no-tls-'))) });
    const api2 = resultsClient(server.url, await server.staffToken('admin'));
    const missing = await api2.json('GET', '/api/tls');
    expect(missing).toMatchObject({ status: 404, error: { code: 'NOT_FOUND' } });
    expect(missing.error?.message).toMatch(/tls show/);
  });
});
