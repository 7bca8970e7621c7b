import type { Queryable } from '../db/center-db';

/* Reading ingested packages and theory results (written by ../ingest). */

export interface PackageListRow {
  readonly id: string;
  readonly site_id: string;
  readonly site_name: string;
  readonly organisation_id: string;
  readonly sha256: string;
  readonly format_version: number;
  readonly session_id: string;
  readonly session_name: string;
  readonly exam_id: string;
  readonly occupation_and_level: string;
  readonly received_at: Date;
  readonly received_by: string;
  readonly chain_seq: number;
  readonly candidates: number;
  readonly superseded_by: string | null;
}

/** Newest first; one organisation's when `organisationId` is given. */
export async function listPackages(
  db: Queryable,
  organisationId: string | undefined,
  limit: number,
): Promise<PackageListRow[]> {
  return db.query<PackageListRow>(
    `SELECT p.id, p.site_id, s.name AS site_name, s.organisation_id, p.sha256, p.format_version,
            p.session_id, p.session_name, p.exam_id, p.occupation_and_level, p.received_at,
            p.received_by, p.chain_seq, p.candidates, p.superseded_by
     FROM result_packages p JOIN sites s ON s.id = p.site_id
     WHERE $1::text IS NULL OR s.organisation_id = $1
     ORDER BY p.received_at DESC, p.id LIMIT $2`,
    [organisationId ?? null, limit],
  );
}
