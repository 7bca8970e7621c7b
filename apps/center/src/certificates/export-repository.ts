import type { Queryable } from '../db/center-db';

/*
 * SQL of the certificate exports: the rows issued in [from, to) (optionally of one
 * organisation) with their organisation, and the same grouped for the monthly statistics.
 */

export interface ExportRow {
  readonly number: string;
  readonly name: string;
  readonly id_type: string;
  readonly id_number: string;
  readonly occupation_name: string;
  readonly occupation_code: string;
  readonly job_type: string | null;
  readonly level: number;
  readonly issued_at: Date;
  readonly status: 'valid' | 'voided';
  readonly voided_at: Date | null;
  readonly void_reason: string | null;
  readonly organisation_name: string;
  readonly organisation_code: string;
  readonly organisation_kind: string;
  readonly province: string;
}

export async function certificatesIssuedBetween(
  db: Queryable,
  from: Date,
  to: Date,
  organisationId: string | undefined,
): Promise<ExportRow[]> {
  return db.query<ExportRow>(
    `SELECT c.number, c.name, c.id_type, c.id_number, c.occupation_name, c.occupation_code,
            c.job_type, c.level, c.issued_at, c.status, c.voided_at, c.void_reason,
            o.name AS organisation_name, o.code AS organisation_code,
            o.kind AS organisation_kind, o.province
     FROM certificates c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.issued_at >= $1 AND c.issued_at < $2 AND ($3::text IS NULL OR c.organisation_id = $3)
     ORDER BY c.number`,
    [from, to, organisationId ?? null],
  );
}

export interface StatisticsRow {
  readonly organisation_id: string;
  readonly organisation_name: string;
  readonly site_serial: string;
  /** The enrolled site with this 站点序列码, when there is one. */
  readonly site_name: string | null;
  readonly occupation_code: string;
  readonly occupation_name: string;
  readonly level: number;
  readonly issued: number;
  readonly voided: number;
}

/** Counts of certificates issued in [from, to), by organisation, site, occupation and level. */
export async function certificateCounts(
  db: Queryable,
  from: Date,
  to: Date,
  organisationId: string | undefined,
): Promise<StatisticsRow[]> {
  const rows = await db.query<StatisticsRow>(
    `SELECT c.organisation_id, o.name AS organisation_name, substr(c.number, 8, 6) AS site_serial,
            min(s.name) AS site_name, c.occupation_code, min(c.occupation_name) AS occupation_name, c.level,
            count(*)::int AS issued, count(*) FILTER (WHERE c.status = 'voided')::int AS voided
     FROM certificates c JOIN organisations o ON o.id = c.organisation_id
       LEFT JOIN sites s
         ON s.organisation_id = c.organisation_id AND s.site_serial = substr(c.number, 8, 6)
     WHERE c.issued_at >= $1 AND c.issued_at < $2 AND ($3::text IS NULL OR c.organisation_id = $3)
     GROUP BY c.organisation_id, o.name, substr(c.number, 8, 6), c.occupation_code, c.level
     ORDER BY c.organisation_id, site_serial, c.occupation_code, c.level`,
    [from, to, organisationId ?? null],
  );
  return rows.map((row) => ({ ...row, issued: Number(row.issued), voided: Number(row.voided) }));
}
