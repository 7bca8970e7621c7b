import { rowDigest } from '../audit/content-digest';

/*
 * What the audit chain pins of a certificate (docs/decisions/1067-center-audit-covers-content.md):
 * number, organisation, holder (ID type, ID number, name), occupation, job type, level, issued
 * at/by and status. `certificate.issue` records the list digest of its certificates as issued
 * (status valid), `certificate.void` the digest of the voided certificate. Pure: no IO.
 */

export interface CertificateContent {
  readonly number: string;
  readonly organisation_id: string;
  readonly id_type: string;
  readonly id_number: string;
  readonly name: string;
  readonly occupation_code: string;
  readonly occupation_name: string;
  readonly job_type: string | null;
  readonly level: number;
  readonly status: string;
  readonly issued_at: Date;
  readonly issued_by: string;
}

export function certificateDigest(row: CertificateContent): string {
  return rowDigest([
    row.number,
    row.organisation_id,
    row.id_type,
    row.id_number,
    row.name,
    row.occupation_code,
    row.occupation_name,
    row.job_type,
    Number(row.level),
    row.status,
    new Date(row.issued_at).toISOString(),
    row.issued_by,
  ]);
}

/** The certificate as it was issued: every field as now, status valid. */
export function issuedDigest(row: CertificateContent): string {
  return certificateDigest({ ...row, status: 'valid' });
}
