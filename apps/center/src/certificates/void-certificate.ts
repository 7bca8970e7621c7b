import { CodedError, InvalidInputError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterDb } from '../db/center-db';
import { certificateDigest } from './certificate-digest';
import { requireCertificateNumber } from './certificate-number';
import { lockCertificate, markVoided, type CertificateRow } from './certificate-repository';

/*
 * 作废: a certificate found wrong is voided, never deleted; it keeps its number (never issued
 * again), and the reason, who and when are recorded and audited. The organisation's own
 * staff or a centre_admin may void.
 */

export async function voidCertificate(
  deps: { readonly db: CenterDb; readonly audit: AuditLog; readonly now: () => Date },
  actor: CenterPrincipal,
  number: string,
  reason: string,
): Promise<CertificateRow> {
  requireCertificateNumber(number);
  const trimmed = reason.trim();
  if (trimmed.length < 2 || trimmed.length > 500) {
    throw new InvalidInputError('作废原因应为 2–500 个字符');
  }
  if (actor.role === 'supervisor') throw new CodedError('FORBIDDEN', '质量督导员只能查看');
  return deps.db.transaction(async (tx) => {
    const certificate = await lockCertificate(tx, number);
    const own =
      actor.role === 'centre_admin' || certificate?.organisation_id === actor.organisationId;
    if (certificate === undefined || !own) {
      throw new CodedError('NOT_FOUND', `证书 ${number} 不存在`);
    }
    if (certificate.status === 'voided') {
      throw new CodedError('CONFLICT', `证书 ${number} 已于此前作废`);
    }
    const voided = await markVoided(tx, number, actor.username, deps.now(), trimmed);
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'certificate.void',
      subject: number,
      // the voided certificate's content, now its latest audited state (decision 1067)
      details: {
        reason: trimmed,
        organisationId: certificate.organisation_id,
        contentDigest: certificateDigest(voided),
      },
    });
    return voided;
  });
}
