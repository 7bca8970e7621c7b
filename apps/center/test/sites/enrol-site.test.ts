import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { enrolSite } from '../../src/sites/enrol-site';
import { listSites } from '../../src/sites/site-repository';
import { describeStores, testContext } from '../support/center-db';
import { FakeSite } from '../ingest/fake-site';
import { addOrganisation, admin, orgStaff, supervisor } from '../ingest/ingest-fixtures';

describeStores('site enrolment', (getDb) => {
  const ctx = () => testContext(getDb());
  const input = (site: FakeSite, serial: string, organisationId = 'org-s1') => ({
    organisationId,
    name: site.name,
    siteSerial: serial,
    publicKeyPem: site.publicKeyPem,
  });

  it('enrols a site with its key id, audited', async () => {
    await addOrganisation(getDb(), 'org-s1');
    const site = new FakeSite('第一考点');
    const before = await getDb().query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const view = await enrolSite(ctx(), admin, input(site, '440001'));
    expect(view).toMatchObject({ name: '第一考点', siteSerial: '440001', keyId: site.keyId });
    expect(view.chainHead).toBeNull();
    const audit = await getDb().query<{ action: string; subject: string }>(
      'SELECT action, subject FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(audit[0]).toEqual({ action: 'site.enrol', subject: view.id });
    const after = await getDb().query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
    expect((await listSites(getDb(), 'org-s1')).map((s) => s.key_id)).toEqual([site.keyId]);
  });

  it('refuses other roles, bad serials, non-Ed25519 keys, unknown organisations and reuse', async () => {
    const site = new FakeSite('第二考点');
    await expect(enrolSite(ctx(), orgStaff('org-s1'), input(site, '440002'))).rejects.toThrow(
      /中心管理员/,
    );
    await expect(enrolSite(ctx(), supervisor, input(site, '440002'))).rejects.toThrow(
      /FORBIDDEN|中心管理员/,
    );
    await expect(enrolSite(ctx(), admin, input(site, '44002'))).rejects.toThrow(/6 位数字/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    await expect(
      enrolSite(ctx(), admin, { ...input(site, '440002'), publicKeyPem: rsa }),
    ).rejects.toThrow(/Ed25519/);
    await expect(
      enrolSite(ctx(), admin, { ...input(site, '440002'), publicKeyPem: 'not a key' }),
    ).rejects.toThrow(/PEM/);
    await expect(enrolSite(ctx(), admin, input(site, '440002', 'org-none'))).rejects.toThrow(
      /不存在/,
    );
    const first = new FakeSite('第一考点');
    await expect(enrolSite(ctx(), admin, input(first, '440009'))).rejects.toThrow(/已有/);
    await enrolSite(ctx(), admin, input(site, '440002'));
    await expect(
      enrolSite(ctx(), admin, { ...input(site, '440003'), name: '别名考点' }),
    ).rejects.toThrow(/已登记/);
    expect(await listSites(getDb(), 'org-s1')).toHaveLength(2);
  });
});

describe('site key', () => {
  it('normalises the PEM and derives the key id like the proctor server', async () => {
    const { parseSiteKey } = await import('../../src/sites/site-key');
    const site = new FakeSite('x');
    expect(parseSiteKey(site.publicKeyPem.replace(/\n/g, '\r\n')).keyId).toBe(site.keyId);
  });
});
