import type { CenterPrincipal } from '../../src/auth/center-roles';
import type { CenterDb } from '../../src/db/center-db';
import type { CenterContext } from '../../src/http/center-route';
import { residentIdCheckChar } from '../../src/certificates/holder-id';
import type { CertificateLevel } from '../../src/certificates/certificate-number';
import { allocateRange, requestRange } from '../../src/certificates/number-ranges';
import type { RangeRow } from '../../src/certificates/range-repository';

/* Organisations, staff principals, valid identity numbers and ranges for certificate tests. */

export interface OrganisationFixture {
  readonly id: string;
  readonly kind?: 'Y' | 'S';
  readonly code?: string;
  readonly province?: string;
  readonly filedAt?: string;
  readonly name?: string;
}

export async function addOrganisation(db: CenterDb, org: OrganisationFixture): Promise<void> {
  await db.query(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'test')`,
    [
      org.id,
      org.kind ?? 'Y',
      org.code ?? '0001',
      org.province ?? '44',
      org.name ?? `评价机构 ${org.id}`,
      org.filedAt ?? '2024-01-01T00:00:00Z',
    ],
  );
}

export function admin(username = 'admin'): CenterPrincipal {
  return { staffId: `s-${username}`, username, role: 'centre_admin' };
}

export function orgStaff(
  organisationId: string,
  username = `staff-${organisationId}`,
): CenterPrincipal {
  return { staffId: `s-${username}`, username, role: 'org_staff', organisationId };
}

export function supervisor(): CenterPrincipal {
  return { staffId: 's-sup', username: 'sup', role: 'supervisor' };
}

/** A valid 18-character 居民身份证 number made from a sequence number. */
export function residentId(sequence: number, birth = '19900101'): string {
  const first17 = `440106${birth}${String(sequence % 1000).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}

export function holder(
  sequence: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    idNumber: residentId(sequence),
    name: `持证人${String(sequence)}`,
    occupationCode: '4-04-05-04',
    occupationName: '网络与信息安全管理员',
    level: 5,
    ...overrides,
  };
}

/** Requests and allocates a range of `size` for `organisationId`. */
export async function giveRange(
  ctx: CenterContext,
  organisationId: string,
  options: { size: number; level?: CertificateLevel; year?: number; siteSerial?: string },
): Promise<RangeRow> {
  const request = await requestRange(ctx, orgStaff(organisationId), {
    organisationId,
    siteSerial: options.siteSerial ?? '000123',
    year: options.year ?? 2026,
    level: options.level ?? 5,
    size: options.size,
  });
  return allocateRange(ctx, admin(), request.id);
}

/** A fixed instant in 2026, Beijing time mid-day. */
export const JUNE_2026 = new Date('2026-06-15T04:00:00Z');
