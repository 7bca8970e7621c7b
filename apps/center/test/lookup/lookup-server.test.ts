import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { lookupCode } from '../../src/lookup/lookup-code';
import { createLookupRoutes, lookupRoutes } from '../../src/lookup/lookup-routes';
import { lookupSecret } from '../../src/lookup/verify-certificate';
import { CENTER_ROUTES } from '../../src/server/routes';
import { describeStores, testContext } from '../support/center-db';
import { startTestCenter, type TestCenter } from '../support/center-server';
import { giveRange, holder, JUNE_2026, orgStaff } from '../certificates/fixtures';

/*
 * Attacks on the public lookup through the real server (port 0): walking numbers, guessing
 * names, forging QR codes, and the per-address rate limit.
 */

const CAPACITY = 12;

describeStores('public lookup over HTTP (attacks)', (getDb) => {
  let centre: TestCenter;
  let numbers: string[] = [];
  let secret: Uint8Array;

  const form = (number: string, proof: string) =>
    centre.call('POST', '/verify', {
      body: new TextEncoder().encode(new URLSearchParams({ number, proof }).toString()),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  const withoutEcho = (html: string) => html.replace(/value="[^"]*"/g, 'value=""');

  beforeAll(async () => {
    const routes = [
      ...CENTER_ROUTES.filter((route) => !lookupRoutes.includes(route)),
      ...createLookupRoutes({ rateLimit: { capacity: CAPACITY, refillSeconds: 60 } }),
    ];
    centre = await startTestCenter(getDb(), { routes });
    const organisationId = await centre.addOrganisation('查询测试评价机构');
    const ctx = testContext(getDb(), { now: () => JUNE_2026 });
    await giveRange(ctx, organisationId, { size: 10 });
    const issued = await issueCertificates(getDb(), {
      organisationId,
      holders: [holder(1, { name: '王芳' }), holder(2, { name: '李强' })],
      actor: orgStaff(organisationId),
      audit: ctx.audit,
      now: JUNE_2026,
    });
    numbers = issued.map((c) => c.number);
    secret = await lookupSecret(getDb());
  }, 60_000);

  afterAll(async () => {
    await centre.close();
  });

  it('serves the form without login, phone-sized, with a CSP that allows only its own style', async () => {
    const reply = await centre.call('GET', '/verify');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text(reply.bytes)).toContain(
      'name="viewport" content="width=device-width, initial-scale=1"',
    );
    expect(reply.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-/,
    );
    expect(reply.headers.get('cache-control')).toBe('no-store');
  }, 60_000);

  it('shows a certificate for number + name, and answers every miss with the same page', async () => {
    const [first = '', second = ''] = numbers;
    const hit = await form(first, '王芳');
    expect(hit.status).toBe(200);
    expect(text(hit.bytes)).toContain('证书有效');
    const misses = [
      await form(first, '李强'), // a real holder's name, on the wrong number
      await form(second, '王芳'),
      await form(`${first.slice(0, 16)}000777`, '王芳'), // a number never issued
      await form(`${first.slice(0, 16)}000003`, '王芳'), // the next number, not issued yet
    ];
    expect(misses.map((m) => m.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(misses.map((m) => withoutEcho(text(m.bytes)))).size).toBe(1);
  }, 60_000);

  it('opens the QR link; a forged, borrowed or truncated code is the same miss as no number', async () => {
    const [first = '', second = ''] = numbers;
    const ok = await centre.call('GET', `/verify/${first}/${lookupCode(secret, first)}`);
    expect(ok.status).toBe(200);
    expect(text(ok.bytes)).toContain(first);
    const misses = await Promise.all([
      centre.call('GET', `/verify/${first}/${lookupCode(secret, second)}`),
      centre.call('GET', `/verify/${first}/${lookupCode(secret, first).slice(0, 21)}`),
      centre.call('GET', `/verify/${first}/${'A'.repeat(22)}`),
      centre.call('GET', `/verify/${first.slice(0, 16)}000777/${lookupCode(secret, first)}`),
    ]);
    expect(misses.map((m) => m.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(misses.map((m) => text(m.bytes))).size).toBe(1);
  }, 60_000);

  it('stops a number walk with 429 and Retry-After once the allowance is spent', async () => {
    const prefix = (numbers[0] ?? '').slice(0, 16);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let serial = 100; serial < 100 + CAPACITY + 3; serial += 1) {
      const reply = await form(`${prefix}${String(serial).padStart(6, '0')}`, '王芳');
      statuses.push(reply.status);
      if (reply.status === 429) {
        retryAfter = reply.headers.get('retry-after');
        expect(text(reply.bytes)).toContain('查询过于频繁');
      }
    }
    // The earlier tests used part of this address's allowance; the walk hits the limit well before its end.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // The QR link shares the limit: a scan from the same address is refused too.
    const scan = await centre.call(
      'GET',
      `/verify/${numbers[0] ?? ''}/${lookupCode(secret, numbers[0] ?? '')}`,
    );
    expect(scan.status).toBe(429);
  }, 60_000);

  it('refuses other methods and oversized posts', async () => {
    expect((await centre.call('PUT', '/verify')).status).toBe(405);
    const big = await centre.call('POST', '/verify', { body: new Uint8Array(10_000) });
    expect(big.status).toBe(413);
  }, 60_000);
});
