import type { Queryable } from '../db/center-db';

/*
 * SQL of the public lookup: the centre's QR secret (created once from a cryptographic random
 * source) and one certificate by number with its organisation's name.
 */

export async function readOrCreateLookupSecret(
  db: Queryable,
  fresh: Uint8Array,
  at: Date,
): Promise<Uint8Array> {
  await db.query(
    `INSERT INTO certificate_lookup_key (id, secret, created_at) VALUES (1, $1, $2)
     ON CONFLICT (id) DO NOTHING`,
    [fresh, at],
  );
  const rows = await db.query<{ secret: Uint8Array }>(
    'SELECT secret FROM certificate_lookup_key WHERE id = 1',
  );
  const secret = rows[0]?.secret;
  if (secret === undefined) throw new Error('certificate_lookup_key has no row');
  return new Uint8Array(secret);
}

export interface LookupRow {
  readonly number: string;
  readonly name: string;
  readonly id_type: string;
  readonly id_number: string;
  readonly occupation_code: string;
  readonly occupation_name: string;
  readonly job_type: string | null;
  readonly level: number;
  readonly status: 'valid' | 'voided';
  readonly issued_at: Date;
  readonly voided_at: Date | null;
  readonly organisation_name: string;
}

export async function findForLookup(db: Queryable, number: string): Promise<LookupRow | undefined> {
  const rows = await db.query<LookupRow>(
    `SELECT c.number, c.name, c.id_type, c.id_number, c.occupation_code, c.occupation_name,
            c.job_type, c.level, c.status, c.issued_at, c.voided_at, o.name AS organisation_name
     FROM certificates c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.number = $1`,
    [number],
  );
  return rows[0];
}
