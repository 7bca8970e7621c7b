import type { CenterPrincipal } from '../../src/auth/center-roles';
import type { CenterDb } from '../../src/db/center-db';
import type { CenterContext } from '../../src/http/center-route';
import { enrolSite, type SiteView } from '../../src/sites/enrol-site';
import { FakeSite } from './fake-site';

/* Organisations, principals and enrolled fake sites for the ingest and site tests. */

export async function addOrganisation(db: CenterDb, id: string): Promise<void> {
  await db.query(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, 'Y', '0001', '44', $2, '2024-01-01T00:00:00Z', 'test')`,
    [id, `评价机构 ${id}`],
  );
}

export const admin: CenterPrincipal = {
  staffId: 's-admin',
  username: 'admin',
  role: 'centre_admin',
};

export function orgStaff(organisationId: string): CenterPrincipal {
  return {
    staffId: `s-${organisationId}`,
    username: `staff-${organisationId}`,
    role: 'org_staff',
    organisationId,
  };
}

export const supervisor: CenterPrincipal = {
  staffId: 's-sup',
  username: 'supervisor',
  role: 'supervisor',
};

let serial = 100000;

/** A fake site enrolled under the organisation. */
export async function enrolledSite(
  ctx: CenterContext,
  organisationId: string,
  name: string,
): Promise<{ site: FakeSite; view: SiteView }> {
  const site = new FakeSite(name);
  serial += 1;
  const view = await enrolSite(ctx, admin, {
    organisationId,
    name,
    siteSerial: String(serial),
    publicKeyPem: site.publicKeyPem,
  });
  return { site, view };
}
