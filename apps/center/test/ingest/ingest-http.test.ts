import { afterAll, beforeAll, expect, it } from 'vitest';
import { ingestRowCounts } from '../../src/ingest/ingest-repository';
import { ingestRoutes, SITE_PUSH_PATH } from '../../src/ingest/ingest.routes';
import { PushLimiter } from '../../src/ingest/push-rate-limit';
import { CENTER_ROUTES } from '../../src/server/routes';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCenter } from '../support/center-server';
import { FakeSite } from './fake-site';

/* The ways in over a real centre server on port 0: enrol, staff upload, site push, limits. */

describeStores('ingest over HTTP', (getDb) => {
  let centre: TestCenter;
  let pushCentre: TestCenter;
  beforeAll(async () => {
    centre = await startTestCenter(getDb());
    // a second server whose push route allows 3 pushes per address per minute
    const routes = [
      ...CENTER_ROUTES.filter((r) => r.path !== SITE_PUSH_PATH),
      ...ingestRoutes(new PushLimiter(3)).filter((r) => r.path === SITE_PUSH_PATH),
    ];
    pushCentre = await startTestCenter(getDb(), { routes });
  });
  afterAll(async () => {
    await centre.close();
    await pushCentre.close();
  });

  async function enrol(site: FakeSite, organisationId: string, serial: string): Promise<string> {
    const admin = await centre.signIn('centre_admin');
    const reply = await centre.call<{ id: string; keyId: string }>('POST', '/api/sites', {
      token: admin.token,
      body: {
        organisationId,
        name: site.name,
        siteSerial: serial,
        publicKeyPem: site.publicKeyPem,
      },
    });
    expect(reply.status).toBe(201);
    expect(reply.json?.data?.keyId).toBe(site.keyId);
    return reply.json?.data?.id ?? '';
  }

  it('enrols over HTTP (centre_admin only) and lists sites per role', async () => {
    const orgId = await centre.addOrganisation();
    const site = new FakeSite('HTTP 考点');
    const staff = await centre.signIn('org_staff', { organisationId: orgId });
    const refused = await centre.call('POST', '/api/sites', {
      token: staff.token,
      body: {
        organisationId: orgId,
        name: site.name,
        siteSerial: '550001',
        publicKeyPem: site.publicKeyPem,
      },
    });
    expect(refused.status).toBe(403);
    const bad = await centre.call('POST', '/api/sites', {
      token: (await centre.signIn('centre_admin')).token,
      body: {
        organisationId: orgId,
        name: site.name,
        siteSerial: 'abc',
        publicKeyPem: site.publicKeyPem,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.json?.error?.message).toMatch(/siteSerial/);
    await enrol(site, orgId, '550001');
    const other = await centre.signIn('org_staff');
    const mine = await centre.call<unknown[]>('GET', '/api/sites', { token: staff.token });
    const theirs = await centre.call<unknown[]>('GET', '/api/sites', { token: other.token });
    expect(mine.json?.data).toHaveLength(1);
    expect(theirs.json?.data).toEqual([]);
  }, 60_000);

  it('staff upload: own organisation only; duplicates are a no-op', async () => {
    const orgId = await centre.addOrganisation();
    const site = new FakeSite('上传考点');
    await enrol(site, orgId, '550002');
    const bytes = site.makePackage({ sessionId: 'h1' });
    const stranger = await centre.signIn('org_staff');
    const before = await ingestRowCounts(getDb());
    const forbidden = await centre.call('POST', '/api/packages', {
      token: stranger.token,
      body: bytes,
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json?.error?.message).toMatch(/^UPLOADER_FORBIDDEN: /);
    expect(await ingestRowCounts(getDb())).toEqual(before);
    const staff = await centre.signIn('org_staff', { organisationId: orgId });
    const created = await centre.call<{ status: string; candidates: number }>(
      'POST',
      '/api/packages',
      {
        token: staff.token,
        body: bytes,
      },
    );
    expect(created.status).toBe(201);
    expect(created.json?.data).toMatchObject({ status: 'ingested', candidates: 5 });
    const again = await centre.call<{ status: string }>('POST', '/api/packages', {
      token: staff.token,
      body: bytes,
    });
    expect(again.status).toBe(200);
    expect(again.json?.data?.status).toBe('already_ingested');
    const listed = await centre.call<{ sha256: string; current: boolean }[]>(
      'GET',
      '/api/packages',
      {
        token: staff.token,
      },
    );
    expect(listed.json?.data).toMatchObject([{ current: true }]);
    const notTheirs = await centre.call<unknown[]>('GET', '/api/packages', {
      token: stranger.token,
    });
    expect(notTheirs.json?.data).toEqual([]);
    const supervisor = await centre.signIn('supervisor');
    const readOnly = await centre.call('POST', '/api/packages', {
      token: supervisor.token,
      body: bytes,
    });
    expect(readOnly.status).toBe(403);
  }, 60_000);

  it('site push: public, refusals carry their code, oversize is 413, rate-limited per address', async () => {
    const orgId = await centre.addOrganisation();
    const site = new FakeSite('推送考点');
    await enrol(site, orgId, '550003');
    const accepted = await pushCentre.call<{ status: string }>('POST', SITE_PUSH_PATH, {
      body: site.makePackage({ sessionId: 'p1' }),
    });
    expect(accepted.status).toBe(201);
    const untrusted = await pushCentre.call('POST', SITE_PUSH_PATH, {
      body: new FakeSite('陌生考点').makePackage({ sessionId: 'x' }),
    });
    expect(untrusted.status).toBe(403);
    expect(untrusted.json?.error?.message).toMatch(/^SIGNER_UNTRUSTED: /);
    const malformed = await pushCentre.call('POST', SITE_PUSH_PATH, {
      body: Buffer.from('{not json'),
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json?.error?.message).toMatch(/^MALFORMED: /);
    const limited = await pushCentre.call('POST', SITE_PUSH_PATH, { body: Buffer.from('{}') });
    expect(limited.status).toBe(429);
    const before = await ingestRowCounts(getDb());
    const huge = await centre.call('POST', SITE_PUSH_PATH, {
      body: new Uint8Array(64 * 1024 * 1024 + 1),
    });
    expect(huge.status).toBe(413);
    expect(await ingestRowCounts(getDb())).toEqual(before);
  }, 60_000);
});
