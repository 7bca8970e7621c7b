import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterContext } from '../http/center-route';
import { lookupLink } from '../lookup/lookup-code';
import { lookupSecret } from '../lookup/verify-certificate';
import { canSeeCertificate, certificateNotFound } from './certificate-access';
import { certificateFontBytes } from './certificate-font';
import { requireCertificateNumber } from './certificate-number';
import { renderCertificatePdf } from './certificate-pdf';
import { findCertificateWithOrganisation } from './certificate-repository';

/* The electronic certificate of one number, for its organisation's staff and the centre. */

export async function certificatePdf(
  ctx: CenterContext,
  actor: CenterPrincipal,
  number: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  requireCertificateNumber(number);
  const certificate = await findCertificateWithOrganisation(ctx.db, number);
  if (certificate === undefined || !canSeeCertificate(actor, certificate.organisation_id)) {
    throw certificateNotFound(number);
  }
  const secret = await lookupSecret(ctx.db, ctx.now);
  const bytes = await renderCertificatePdf(certificateFontBytes(), {
    number: certificate.number,
    name: certificate.name,
    idType: certificate.id_type,
    idNumber: certificate.id_number,
    occupationName: certificate.occupation_name,
    occupationCode: certificate.occupation_code,
    jobType: certificate.job_type,
    level: certificate.level,
    organisationName: certificate.organisation_name,
    issuedAt: certificate.issued_at,
    status: certificate.status,
    lookupUrl: lookupLink(ctx.publicBaseUrl, secret, certificate.number),
  });
  return { fileName: `职业技能等级证书-${certificate.number}.pdf`, bytes };
}
