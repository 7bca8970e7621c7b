import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { voidCertificate } from '../../src/certificates/void-certificate';
import type { CenterRequest, CenterResponse, CenterRoute } from '../../src/http/center-route';
import { lookupCode, lookupLink } from '../../src/lookup/lookup-code';
import { createLookupRoutes } from '../../src/lookup/lookup-routes';
import { RateLimiter } from '../../src/lookup/rate-limiter';
import { lookupSecret } from '../../src/lookup/verify-certificate';
import { escapeHtml } from '../../src/lookup/verify-page';
import { describeStores, testContext } from '../support/center-db';
import {
  addOrganisation,
  giveRange,
  holder,
  JUNE_2026,
  orgStaff,
  residentId,
} from '../certificates/fixtures';

function request(partial: Partial<CenterRequest>): CenterRequest {
  return {
    params: {},
    query: new URLSearchParams(),
    body: undefined,
    principal: undefined,
    remoteAddress: '203.0.113.9',
    ...partial,
  };
}

function route(routes: CenterRoute[], method: string, path: string): CenterRoute {
  const found = routes.find((r) => r.method === method && r.path === path);
  if (found === undefined) throw new Error(`no route ${method} ${path}`);
  return found;
}

function page(response: CenterResponse): {
  status: number;
  html: string;
  headers: Record<string, string>;
} {
  if (response.kind !== 'html') throw new Error('not html');
  return { status: response.status ?? 200, html: response.html, headers: { ...response.headers } };
}

describeStores('public certificate lookup', (getDb) => {
  const ctx = () => testContext(getDb(), { now: () => JUNE_2026 });
  let numbers: string[] = [];
  const routes = createLookupRoutes({ rateLimit: { capacity: 1000, refillSeconds: 1 } });
  const post = (number: string, proof: string, remoteAddress = '203.0.113.9') =>
    route(routes, 'POST', '/verify').handle(
      ctx(),
      request({
        body: new TextEncoder().encode(new URLSearchParams({ number, proof }).toString()),
        remoteAddress,
      }),
    );
  const scan = (number: string, code: string) =>
    route(routes, 'GET', '/verify/:number/:code').handle(
      ctx(),
      request({ params: { number, code } }),
    );

  beforeAll(async () => {
    await addOrganisation(getDb(), {
      id: 'org-l',
      code: '0001',
      province: '44',
      name: '广州<市>技能评价中心',
    });
    await giveRange(ctx(), 'org-l', { size: 10 });
    const issued = await issueCertificates(getDb(), {
      organisationId: 'org-l',
      holders: [holder(1, { name: '张 伟', idNumber: residentId(1) }), holder(2)],
      actor: orgStaff('org-l'),
      audit: ctx().audit,
      now: JUNE_2026,
    });
    numbers = issued.map((c) => c.number);
  }, 60_000);

  it('shows the certificate for its number and the holder’s name or ID tail, ID masked', async () => {
    const number = numbers[0] ?? '';
    for (const proof of [
      '张伟',
      '张 伟',
      residentId(1).slice(-4),
      residentId(1).slice(-6).toLowerCase(),
    ]) {
      const shown = page(await post(number, proof));
      expect(shown.status, proof).toBe(200);
      expect(shown.html).toContain('证书有效');
      expect(shown.html).toContain('张 伟');
      expect(shown.html).toContain('五级/初级工');
      expect(shown.html).toContain('广州&#60;市&#62;技能评价中心');
      expect(shown.html).toContain(`440***********${residentId(1).slice(-4)}`);
      expect(shown.html).not.toContain(residentId(1));
      expect(shown.headers['cache-control']).toBe('no-store');
    }
  }, 60_000);

  it('answers a wrong name, a wrong tail and an unknown number identically (attack: enumeration)', async () => {
    const number = numbers[0] ?? '';
    const unknown = `${number.slice(0, 16)}000999`;
    const answers = [
      page(await post(number, '李娜')),
      page(await post(number, '0000')),
      page(await post(number, residentId(1).slice(-3))),
      page(await post(unknown, '张伟')),
      page(await post(numbers[1] ?? '', '张伟')),
    ];
    for (const answer of answers) expect(answer.status).toBe(404);
    // The page echoes what was typed; with that removed, every miss is the same page.
    const stripped = answers.map((a) => a.html.replace(/value="[^"]*"/g, 'value=""'));
    expect(new Set(stripped).size).toBe(1);
    expect(stripped[0]).toContain('未查询到与所填信息相符的证书');
  }, 60_000);

  it('says what is wrong with a malformed number (format only, nothing about the store)', async () => {
    const shown = page(await post('Y0001', '张伟'));
    expect(shown.status).toBe(400);
    expect(shown.html).toContain('证书编号应为22位');
  }, 60_000);

  it('opens a certificate from its QR link; a wrong or borrowed code gives the same miss', async () => {
    const secret = await lookupSecret(getDb());
    const [first = '', second = ''] = numbers;
    const link = lookupLink('https://centre.example/', secret, first);
    expect(link).toBe(`https://centre.example/verify/${first}/${lookupCode(secret, first)}`);
    const ok = page(await scan(first, lookupCode(secret, first)));
    expect(ok.status).toBe(200);
    expect(ok.html).toContain(first);
    const misses = [
      page(await scan(first, lookupCode(secret, second))),
      page(await scan(first, 'A'.repeat(22))),
      page(await scan(first, '')),
      page(
        await scan(
          `${first.slice(0, 16)}000999`,
          lookupCode(secret, `${first.slice(0, 16)}000999`),
        ),
      ),
      page(await scan('not-a-number', 'x')),
    ];
    for (const miss of misses) expect([miss.status, miss.html]).toEqual([404, misses[0]?.html]);
  }, 60_000);

  it('keeps one secret per store', async () => {
    const rows = await getDb().query<{ n: number }>(
      'SELECT count(*)::int AS n FROM certificate_lookup_key',
    );
    expect(rows[0]?.n).toBe(1);
    expect((await lookupSecret(getDb())).length).toBe(32);
  }, 60_000);

  it('shows a voided certificate as voided', async () => {
    const number = numbers[1] ?? '';
    await voidCertificate(ctx(), orgStaff('org-l'), number, '发证信息有误');
    const shown = page(await post(number, '持证人2'));
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('作废');
    expect(shown.html).not.toContain('证书有效');
  }, 60_000);

  it('refuses with 429 and Retry-After after the allowance, per address', async () => {
    let clock = 0;
    const tight = createLookupRoutes({
      rateLimit: { capacity: 3, refillSeconds: 20 },
      clock: () => clock,
    });
    const handler = route(tight, 'GET', '/verify/:number/:code');
    const hit = (remoteAddress: string) =>
      handler.handle(
        ctx(),
        request({ params: { number: numbers[0] ?? '', code: 'x' }, remoteAddress }),
      );
    for (let i = 0; i < 3; i += 1) expect(page(await hit('198.51.100.1')).status).toBe(404);
    const refused = page(await hit('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('20');
    expect(refused.html).toContain('查询过于频繁');
    expect(page(await hit('198.51.100.2')).status).toBe(404);
    clock += 5_000;
    expect(page(await hit('198.51.100.1')).headers['retry-after']).toBe('15');
    clock += 20_000;
    expect(page(await hit('198.51.100.1')).status).toBe(404);
  }, 60_000);
});

describe('rate limiter', () => {
  it('forgets the least recently seen address past its bound', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 1, refillSeconds: 60, maxAddresses: 2 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
    now += 1;
    limiter.take('b');
    limiter.take('c');
    // 'a' was forgotten: it starts over with a full bucket.
    expect(limiter.take('a').allowed).toBe(true);
  }, 60_000);

  it('escapes every HTML-significant character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;',
    );
  }, 60_000);
});
