import type { Queryable } from '../db/center-db';

/*
 * SQL of number ranges (号段) and range requests. The callers own the transaction; the locks
 * taken here last until it ends.
 */

export interface OrganisationForRange {
  readonly id: string;
  readonly kind: 'Y' | 'S';
  readonly code: string;
  readonly province: string;
  readonly name: string;
  readonly filed_at: Date | null;
}

export interface RangeRequestRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly site_serial: string;
  readonly year: number;
  readonly level: number;
  readonly size: number;
  readonly status: 'pending' | 'allocated' | 'refused';
  readonly requested_by: string;
  readonly requested_at: Date;
}

export interface RangeRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly request_id: string | null;
  readonly prefix: string;
  readonly site_serial: string;
  readonly year: number;
  readonly level: number;
  readonly first_serial: number;
  readonly last_serial: number;
  readonly next_serial: number;
  readonly allocated_by: string;
  readonly allocated_at: Date;
}

const RANGE_COLUMNS = `id::text, organisation_id, request_id::text, prefix, site_serial, year, level,
  first_serial, last_serial, next_serial, allocated_by, allocated_at`;

export async function findOrganisation(
  tx: Queryable,
  id: string,
): Promise<OrganisationForRange | undefined> {
  const rows = await tx.query<OrganisationForRange>(
    'SELECT id, kind, code, province, name, filed_at FROM organisations WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function insertRangeRequest(
  tx: Queryable,
  request: Omit<RangeRequestRow, 'id' | 'status'>,
): Promise<RangeRequestRow> {
  const rows = await tx.query<RangeRequestRow>(
    `INSERT INTO certificate_range_requests
       (organisation_id, site_serial, year, level, size, requested_by, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     RETURNING id::text, organisation_id, site_serial, year, level, size, status, requested_by, requested_at`,
    [
      request.organisation_id,
      request.site_serial,
      request.year,
      request.level,
      request.size,
      request.requested_by,
      request.requested_at,
    ],
  );
  return rows[0] as RangeRequestRow;
}

/** Serialises allocations of one year, so the filing-order check and the insert see one state. */
export async function lockAllocationYear(tx: Queryable, year: number): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
    `certificate_range_allocation:${String(year)}`,
  ]);
}

export async function lockRangeRequest(
  tx: Queryable,
  id: string,
): Promise<RangeRequestRow | undefined> {
  const rows = await tx.query<RangeRequestRow>(
    `SELECT id::text, organisation_id, site_serial, year, level, size, status, requested_by, requested_at
     FROM certificate_range_requests WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

/**
 * The pending requests of `year` that come before `request` in filing order: from an
 * organisation filed earlier (ties: by organisation id), or earlier from the same organisation.
 */
export async function pendingRequestsBefore(
  tx: Queryable,
  request: RangeRequestRow,
): Promise<(RangeRequestRow & { organisation_name: string })[]> {
  return tx.query(
    `WITH mine AS (
       SELECT filed_at, id FROM organisations WHERE id = $2
     )
     SELECT r.id::text, r.organisation_id, r.site_serial, r.year, r.level, r.size, r.status,
            r.requested_by, r.requested_at, o.name AS organisation_name
     FROM certificate_range_requests r
     JOIN organisations o ON o.id = r.organisation_id, mine
     WHERE r.status = 'pending' AND r.year = $3 AND r.id <> $1
       AND (
         (o.filed_at, o.id) < (mine.filed_at, mine.id)
         OR (o.id = mine.id AND (r.requested_at, r.id) < ($4::timestamptz, $1::bigint))
       )
     ORDER BY o.filed_at, o.id, r.requested_at, r.id`,
    [request.id, request.organisation_id, request.year, request.requested_at],
  );
}

/** Pending requests of a year in filing order. */
export async function pendingRequestsInFilingOrder(
  tx: Queryable,
  year: number,
): Promise<RangeRequestRow[]> {
  return tx.query<RangeRequestRow>(
    `SELECT r.id::text, r.organisation_id, r.site_serial, r.year, r.level, r.size, r.status,
            r.requested_by, r.requested_at
     FROM certificate_range_requests r JOIN organisations o ON o.id = r.organisation_id
     WHERE r.status = 'pending' AND r.year = $1
     ORDER BY o.filed_at, o.id, r.requested_at, r.id`,
    [year],
  );
}

/** Locks a prefix (the same lock the no-overlap trigger takes) and returns its first free serial. */
export async function lockPrefixAndFindFreeSerial(tx: Queryable, prefix: string): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`certificate_ranges:${prefix}`]);
  const rows = await tx.query<{ free: number }>(
    'SELECT COALESCE(MAX(last_serial), 0) + 1 AS free FROM certificate_ranges WHERE prefix = $1',
    [prefix],
  );
  return Number(rows[0]?.free ?? 1);
}

export async function insertRange(
  tx: Queryable,
  range: Omit<RangeRow, 'id' | 'next_serial'>,
): Promise<RangeRow> {
  const rows = await tx.query<RangeRow>(
    `INSERT INTO certificate_ranges (organisation_id, request_id, prefix, site_serial, year, level,
       first_serial, last_serial, next_serial, allocated_by, allocated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7, $9, $10)
     RETURNING ${RANGE_COLUMNS}`,
    [
      range.organisation_id,
      range.request_id,
      range.prefix,
      range.site_serial,
      range.year,
      range.level,
      range.first_serial,
      range.last_serial,
      range.allocated_by,
      range.allocated_at,
    ],
  );
  return rows[0] as RangeRow;
}

export async function decideRangeRequest(
  tx: Queryable,
  id: string,
  decision: { status: 'allocated' | 'refused'; by: string; at: Date; reason?: string },
): Promise<void> {
  await tx.query(
    `UPDATE certificate_range_requests
     SET status = $2, decided_by = $3, decided_at = $4, refusal_reason = $5
     WHERE id = $1 AND status = 'pending'`,
    [id, decision.status, decision.by, decision.at, decision.reason ?? null],
  );
}

export async function listRanges(
  tx: Queryable,
  organisationId: string | undefined,
): Promise<RangeRow[]> {
  return tx.query<RangeRow>(
    `SELECT ${RANGE_COLUMNS} FROM certificate_ranges
     WHERE $1::text IS NULL OR organisation_id = $1
     ORDER BY prefix, first_serial`,
    [organisationId ?? null],
  );
}

export async function listRangeRequests(
  tx: Queryable,
  organisationId: string | undefined,
): Promise<RangeRequestRow[]> {
  return tx.query<RangeRequestRow>(
    `SELECT id::text, organisation_id, site_serial, year, level, size, status, requested_by, requested_at
     FROM certificate_range_requests
     WHERE $1::text IS NULL OR organisation_id = $1
     ORDER BY requested_at, id`,
    [organisationId ?? null],
  );
}
