import type { Queryable } from '../db/center-db';

/*
 * SQL of issuing and voiding certificates. Issuing locks the organisation's open ranges
 * (`FOR UPDATE`, always in the order level, first serial, id, so concurrent issuers never
 * deadlock), moves each range's counter and inserts the rows — all in the caller's transaction,
 * so a failure rolls the counters back and leaves no gap.
 */

export interface OpenRangeRow {
  readonly id: string;
  readonly prefix: string;
  readonly level: number;
  readonly next_serial: number;
  readonly last_serial: number;
}

export interface CertificateRow {
  readonly id: string;
  readonly number: string;
  readonly range_id: string;
  readonly serial: number;
  readonly organisation_id: string;
  readonly batch_candidate_id: string | null;
  readonly id_type: string;
  readonly id_number: string;
  readonly name: string;
  readonly occupation_code: string;
  readonly occupation_name: string;
  readonly job_type: string | null;
  readonly level: number;
  readonly status: 'valid' | 'voided';
  readonly issued_at: Date;
  readonly issued_by: string;
  readonly voided_at: Date | null;
  readonly voided_by: string | null;
  readonly void_reason: string | null;
}

/** The certificate columns as the row type names them, optionally of table alias `alias`. */
function certificateColumns(alias = ''): string {
  const a = alias === '' ? '' : `${alias}.`;
  return `${a}id::text AS id, ${a}number, ${a}range_id::text AS range_id, ${a}serial,
    ${a}organisation_id, ${a}batch_candidate_id::text AS batch_candidate_id, ${a}id_type,
    ${a}id_number, ${a}name, ${a}occupation_code, ${a}occupation_name, ${a}job_type, ${a}level,
    ${a}status, ${a}issued_at, ${a}issued_by, ${a}voided_at, ${a}voided_by, ${a}void_reason`;
}

export const CERTIFICATE_COLUMNS = certificateColumns();

/** Locks the organisation's ranges of `year` with numbers left, for the given levels. */
export async function lockOpenRanges(
  tx: Queryable,
  organisationId: string,
  year: number,
  levels: readonly number[],
): Promise<OpenRangeRow[]> {
  return tx.query<OpenRangeRow>(
    `SELECT id::text, prefix, level, next_serial, last_serial FROM certificate_ranges
     WHERE organisation_id = $1 AND year = $2 AND level = ANY($3::int[])
       AND next_serial <= last_serial
     ORDER BY level, first_serial, id
     FOR UPDATE`,
    [organisationId, year, [...levels]],
  );
}

/** Moves a locked range's counter by `count`; returns the first serial taken. */
export async function takeSerials(tx: Queryable, rangeId: string, count: number): Promise<number> {
  const rows = await tx.query<{ first: number }>(
    `UPDATE certificate_ranges SET next_serial = next_serial + $2
     WHERE id = $1 AND next_serial + $2 - 1 <= last_serial
     RETURNING next_serial - $2 AS first`,
    [rangeId, count],
  );
  const first = rows[0]?.first;
  if (first === undefined)
    throw new Error(`range ${rangeId} has fewer than ${String(count)} numbers left`);
  return Number(first);
}

export interface NewCertificate {
  readonly number: string;
  readonly rangeId: string;
  readonly serial: number;
  readonly batchCandidateId: string | null;
  readonly idType: string;
  readonly idNumber: string;
  readonly name: string;
  readonly occupationCode: string;
  readonly occupationName: string;
  readonly jobType: string | null;
  readonly level: number;
}

/** Inserts many certificates in one statement. */
export async function insertCertificates(
  tx: Queryable,
  organisationId: string,
  issuedBy: string,
  issuedAt: Date,
  rows: readonly NewCertificate[],
): Promise<CertificateRow[]> {
  const column = <K extends keyof NewCertificate>(key: K): NewCertificate[K][] =>
    rows.map((row) => row[key]);
  return tx.query<CertificateRow>(
    `INSERT INTO certificates (number, range_id, serial, organisation_id, batch_candidate_id,
       id_type, id_number, name, occupation_code, occupation_name, job_type, level,
       issued_at, issued_by)
     SELECT n, r, s, $1, b, it, idn, nm, oc, onm, jt, lv, $2, $3
     FROM unnest($4::text[], $5::bigint[], $6::int[], $7::bigint[], $8::text[], $9::text[],
                 $10::text[], $11::text[], $12::text[], $13::text[], $14::int[])
       AS u(n, r, s, b, it, idn, nm, oc, onm, jt, lv)
     RETURNING ${CERTIFICATE_COLUMNS}`,
    [
      organisationId,
      issuedAt,
      issuedBy,
      column('number'),
      column('rangeId'),
      column('serial'),
      column('batchCandidateId'),
      column('idType'),
      column('idNumber'),
      column('name'),
      column('occupationCode'),
      column('occupationName'),
      column('jobType'),
      column('level'),
    ],
  );
}

export async function findCertificate(
  tx: Queryable,
  number: string,
): Promise<CertificateRow | undefined> {
  const rows = await tx.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE number = $1`,
    [number],
  );
  return rows[0];
}

/** A certificate with its organisation's name (documents). */
export async function findCertificateWithOrganisation(
  tx: Queryable,
  number: string,
): Promise<(CertificateRow & { organisation_name: string }) | undefined> {
  const rows = await tx.query<CertificateRow & { organisation_name: string }>(
    `SELECT ${certificateColumns('c')}, o.name AS organisation_name
     FROM certificates c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.number = $1`,
    [number],
  );
  return rows[0];
}

export async function lockCertificate(
  tx: Queryable,
  number: string,
): Promise<CertificateRow | undefined> {
  const rows = await tx.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE number = $1 FOR UPDATE`,
    [number],
  );
  return rows[0];
}

export async function markVoided(
  tx: Queryable,
  number: string,
  by: string,
  at: Date,
  reason: string,
): Promise<CertificateRow> {
  const rows = await tx.query<CertificateRow>(
    `UPDATE certificates SET status = 'voided', voided_by = $2, voided_at = $3, void_reason = $4
     WHERE number = $1 AND status = 'valid'
     RETURNING ${CERTIFICATE_COLUMNS}`,
    [number, by, at, reason],
  );
  return rows[0] as CertificateRow;
}

/** Certificates of an organisation (or all), newest first, at most `limit`. */
export async function listCertificates(
  tx: Queryable,
  filter: { organisationId?: string; from?: Date; to?: Date; limit: number },
): Promise<CertificateRow[]> {
  return tx.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates
     WHERE ($1::text IS NULL OR organisation_id = $1)
       AND ($2::timestamptz IS NULL OR issued_at >= $2)
       AND ($3::timestamptz IS NULL OR issued_at < $3)
     ORDER BY issued_at, number
     LIMIT $4`,
    [filter.organisationId ?? null, filter.from ?? null, filter.to ?? null, filter.limit],
  );
}
