import type { Queryable } from '../db/center-db';
import { CERTIFICATE_COLUMNS, type CertificateRow } from './certificate-repository';

/*
 * Finding certificates for staff: by number (prefix), holder name (part) or the tail of the ID
 * number, optionally by status, newest first, one page at a time with the total.
 */

export interface CertificateSearch {
  readonly organisationId?: string;
  /** Number prefix, part of the name, or the last 4–6 characters of the ID number. */
  readonly text?: string;
  readonly status?: 'valid' | 'voided';
  readonly limit: number;
  readonly offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export async function searchCertificates(
  db: Queryable,
  search: CertificateSearch,
): Promise<{ total: number; rows: CertificateRow[] }> {
  const text = search.text === undefined ? null : escapeLike(search.text);
  const where = `($1::text IS NULL OR organisation_id = $1)
       AND ($2::text IS NULL OR status = $2)
       AND ($3::text IS NULL OR number LIKE upper($3) || '%' OR name LIKE '%' || $3 || '%'
            OR (length($3) BETWEEN 4 AND 6 AND right(id_number, length($3)) = upper($3)))`;
  const params = [search.organisationId ?? null, search.status ?? null, text];
  const [count] = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM certificates WHERE ${where}`,
    params,
  );
  const rows = await db.query<CertificateRow>(
    `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE ${where}
     ORDER BY issued_at DESC, number DESC LIMIT $4 OFFSET $5`,
    [...params, search.limit, search.offset],
  );
  return { total: count?.total ?? 0, rows };
}
