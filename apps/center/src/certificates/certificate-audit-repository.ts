import type { Queryable } from '../db/center-db';
import type { CertificateContent } from './certificate-digest';

/* SQL of checking certificates against their audit records (./verify-certificates.ts). */

export interface AuditedCertificateRow extends CertificateContent {
  /** `contentDigest` of the certificate's latest `certificate.void` record, if any. */
  readonly void_digest: string | null;
}

/** The certificates of `numbers` (any order), each with the digest its last void recorded. */
export async function readAuditedCertificates(
  db: Queryable,
  numbers: readonly string[],
): Promise<AuditedCertificateRow[]> {
  return db.query<AuditedCertificateRow>(
    `SELECT c.number, c.organisation_id, c.id_type, c.id_number, c.name, c.occupation_code,
            c.occupation_name, c.job_type, c.level, c.status, c.issued_at, c.issued_by,
            (SELECT a.details->>'contentDigest' FROM audit_log a
              WHERE a.subject = c.number AND a.action = 'certificate.void'
              ORDER BY a.seq DESC LIMIT 1) AS void_digest
       FROM certificates c WHERE c.number = ANY($1::bpchar[])`,
    [[...numbers]],
  );
}

export async function countCertificates(db: Queryable): Promise<number> {
  const rows = await db.query<{ count: string | number }>(
    'SELECT count(*) AS count FROM certificates',
  );
  return Number(rows[0]?.count ?? 0);
}
