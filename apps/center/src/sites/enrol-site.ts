import { randomUUID } from 'node:crypto';
import { CodedError, InvalidInputError } from '@skillexam/shared';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterDb } from '../db/center-db';
import { parseSiteKey } from './site-key';
import { conflictingSite, insertSite, organisationExists, type SiteRow } from './site-repository';

/*
 * 考点登记: a centre_admin enrols a site once — its organisation, the name its proctor server
 * writes into results packages, its 6-digit 评价机构（站点）序列码 and its audit signing public key.
 * From then on packages signed by that key are the site's (docs/decisions/1011-results-ingest.md).
 */

export const EnrolSiteSchema = z.strictObject({
  organisationId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  siteSerial: z.string().regex(/^[0-9]{6}$/, '站点序列码应为 6 位数字 (6 digits)'),
  publicKeyPem: z.string().min(1).max(4000),
});
export type EnrolSiteInput = z.infer<typeof EnrolSiteSchema>;

export interface SiteView {
  readonly id: string;
  readonly organisationId: string;
  readonly name: string;
  readonly siteSerial: string;
  readonly keyId: string;
  readonly enrolledAt: string;
  readonly chainHead: { readonly seq: number; readonly hash: string } | null;
}

export function siteView(row: SiteRow): SiteView {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    siteSerial: row.site_serial,
    keyId: row.key_id,
    enrolledAt: row.enrolled_at.toISOString(),
    chainHead:
      row.chain_seq === null || row.chain_hash === null
        ? null
        : { seq: row.chain_seq, hash: row.chain_hash },
  };
}

export async function enrolSite(
  deps: { readonly db: CenterDb; readonly audit: AuditLog; readonly now: () => Date },
  actor: CenterPrincipal,
  input: EnrolSiteInput,
): Promise<SiteView> {
  if (actor.role !== 'centre_admin')
    throw new CodedError(
      'FORBIDDEN',
      '只有中心管理员可以登记考点 (only a centre_admin enrols sites)',
    );
  const checked = EnrolSiteSchema.safeParse(input);
  if (!checked.success)
    throw new InvalidInputError(
      `考点信息不对 (invalid site): ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const { organisationId, name, siteSerial } = checked.data;
  const key = parseSiteKey(checked.data.publicKeyPem);
  return deps.db.transaction(async (tx) => {
    if (!(await organisationExists(tx, organisationId)))
      throw new CodedError('NOT_FOUND', `评价机构 ${organisationId} 不存在 (unknown organisation)`);
    const clash = await conflictingSite(tx, { organisationId, keyId: key.keyId, siteSerial, name });
    if (clash !== undefined) {
      const what =
        clash.key_id === key.keyId
          ? `公钥 ${key.keyId} 已登记为考点「${clash.name}」 (key already enrolled)`
          : `该机构已有序列码 ${clash.site_serial} 或名称「${clash.name}」的考点 (serial or name already used)`;
      throw new CodedError('CONFLICT', what);
    }
    const row = await insertSite(tx, {
      id: randomUUID(),
      organisationId,
      name,
      siteSerial,
      keyId: key.keyId,
      publicKeyPem: key.publicKeyPem,
      enrolledAt: deps.now(),
      enrolledBy: actor.username,
    });
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'site.enrol',
      subject: row.id,
      details: { organisationId, name, siteSerial, keyId: key.keyId },
    });
    return siteView(row);
  });
}
