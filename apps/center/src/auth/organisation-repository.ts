import type { Queryable } from '../db/center-db';
import { onlyRow } from '../db/rows';

/* SQL of evaluation organisations (评价机构). */

export interface OrganisationRow {
  readonly id: string;
  readonly kind: 'Y' | 'S';
  readonly code: string;
  readonly province: string;
  readonly name: string;
  readonly filed_at: Date;
  readonly created_at: Date;
  readonly created_by: string;
}

const COLUMNS = 'id, kind, code, province, name, filed_at, created_at, created_by';

export async function insertOrganisation(
  tx: Queryable,
  row: Omit<OrganisationRow, 'created_at'>,
): Promise<OrganisationRow> {
  const rows = await tx.query<OrganisationRow>(
    `INSERT INTO organisations (id, kind, code, province, name, filed_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [row.id, row.kind, row.code, row.province, row.name, row.filed_at, row.created_by],
  );
  return onlyRow(rows, 'insert');
}

export async function findOrganisation(
  db: Queryable,
  id: string,
): Promise<OrganisationRow | undefined> {
  const rows = await db.query<OrganisationRow>(
    `SELECT ${COLUMNS} FROM organisations WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function findOrganisationByName(
  db: Queryable,
  name: string,
): Promise<OrganisationRow | undefined> {
  const rows = await db.query<OrganisationRow>(
    `SELECT ${COLUMNS} FROM organisations WHERE name = $1`,
    [name],
  );
  return rows[0];
}

/** In filing order (the order number ranges are given in). */
export async function listOrganisations(db: Queryable): Promise<OrganisationRow[]> {
  return db.query<OrganisationRow>(`SELECT ${COLUMNS} FROM organisations ORDER BY filed_at, id`);
}
