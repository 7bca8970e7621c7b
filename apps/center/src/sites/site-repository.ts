import type { Queryable } from '../db/center-db';

/* The SQL of enrolled sites (`sites`) and their chain alerts. */

export interface SiteRow {
  readonly id: string;
  readonly organisation_id: string;
  readonly name: string;
  readonly site_serial: string;
  readonly key_id: string;
  readonly public_key_pem: string;
  readonly enrolled_at: Date;
  readonly enrolled_by: string;
  readonly chain_seq: number | null;
  readonly chain_hash: string | null;
}

const COLUMNS = `id, organisation_id, name, site_serial, key_id, public_key_pem, enrolled_at,
  enrolled_by, chain_seq, chain_hash`;

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM organisations WHERE id = $1', [id]);
  return rows.length > 0;
}

/** The site using the key, the serial or the name within the organisation, if any. */
export async function conflictingSite(
  db: Queryable,
  site: { organisationId: string; keyId: string; siteSerial: string; name: string },
): Promise<SiteRow | undefined> {
  const rows = await db.query<SiteRow>(
    `SELECT ${COLUMNS} FROM sites WHERE key_id = $1
       OR (organisation_id = $2 AND (site_serial = $3 OR name = $4)) LIMIT 1`,
    [site.keyId, site.organisationId, site.siteSerial, site.name],
  );
  return rows[0];
}

export async function insertSite(
  db: Queryable,
  site: {
    id: string;
    organisationId: string;
    name: string;
    siteSerial: string;
    keyId: string;
    publicKeyPem: string;
    enrolledAt: Date;
    enrolledBy: string;
  },
): Promise<SiteRow> {
  const rows = await db.query<SiteRow>(
    `INSERT INTO sites (id, organisation_id, name, site_serial, key_id, public_key_pem,
                        enrolled_at, enrolled_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
    [
      site.id,
      site.organisationId,
      site.name,
      site.siteSerial,
      site.keyId,
      site.publicKeyPem,
      site.enrolledAt,
      site.enrolledBy,
    ],
  );
  const row = rows[0];
  if (row === undefined) throw new Error('INSERT … RETURNING returned no row');
  return row;
}

export async function siteByKeyId(db: Queryable, keyId: string): Promise<SiteRow | undefined> {
  const rows = await db.query<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE key_id = $1`, [keyId]);
  return rows[0];
}

/** The site row locked to the end of the transaction (one ingest per site at a time). */
export async function lockSite(db: Queryable, id: string): Promise<SiteRow> {
  const rows = await db.query<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  const row = rows[0];
  if (row === undefined) throw new Error(`site ${id} vanished`);
  return row;
}

export async function setSiteChainHead(
  db: Queryable,
  id: string,
  head: { seq: number; hash: string },
): Promise<void> {
  await db.query('UPDATE sites SET chain_seq = $2, chain_hash = $3 WHERE id = $1', [
    id,
    head.seq,
    head.hash,
  ]);
}

export async function listSites(
  db: Queryable,
  organisationId: string | undefined,
): Promise<SiteRow[]> {
  return organisationId === undefined
    ? db.query<SiteRow>(`SELECT ${COLUMNS} FROM sites ORDER BY organisation_id, site_serial`)
    : db.query<SiteRow>(
        `SELECT ${COLUMNS} FROM sites WHERE organisation_id = $1 ORDER BY site_serial`,
        [organisationId],
      );
}

export interface ChainAlertRow {
  readonly site_id: string;
  readonly detected_at: Date;
  readonly package_sha256: string;
  readonly known_seq: number;
  readonly known_hash: string;
  readonly claimed_seq: number;
  readonly claimed_hash: string;
  readonly detail: string;
}

/** Records a fork once per (site, package); true when it was new. */
export async function insertChainAlert(db: Queryable, alert: ChainAlertRow): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO site_chain_alerts (site_id, detected_at, package_sha256, known_seq, known_hash,
                                    claimed_seq, claimed_hash, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (site_id, package_sha256) DO NOTHING RETURNING id`,
    [
      alert.site_id,
      alert.detected_at,
      alert.package_sha256,
      alert.known_seq,
      alert.known_hash,
      alert.claimed_seq,
      alert.claimed_hash,
      alert.detail,
    ],
  );
  return rows.length > 0;
}

export async function chainAlerts(db: Queryable, siteId: string): Promise<ChainAlertRow[]> {
  return db.query<ChainAlertRow>(
    `SELECT site_id, detected_at, package_sha256, known_seq, known_hash, claimed_seq,
            claimed_hash, detail
     FROM site_chain_alerts WHERE site_id = $1 ORDER BY id`,
    [siteId],
  );
}
