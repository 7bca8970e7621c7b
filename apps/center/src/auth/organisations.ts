import { randomUUID } from 'node:crypto';
import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from './center-roles';
import {
  findOrganisationByName,
  insertOrganisation,
  listOrganisations as listRows,
  type OrganisationRow,
} from './organisation-repository';
import type { AdminDeps, Actor } from './staff-admin';
import type { NewOrganisation } from './staff-schemas';

/* Evaluation organisations (评价机构): added by a centre admin, listed by role. */

export interface OrganisationView {
  readonly id: string;
  readonly kind: 'Y' | 'S';
  readonly code: string;
  readonly province: string;
  readonly name: string;
  readonly filedAt: string;
}

export function organisationView(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    province: row.province,
    name: row.name,
    filedAt: row.filed_at.toISOString(),
  };
}

export async function addOrganisation(
  deps: AdminDeps,
  actor: Actor,
  input: NewOrganisation,
): Promise<OrganisationView> {
  if ((await findOrganisationByName(deps.db, input.name)) !== undefined) {
    throw new CodedError('CONFLICT', `机构名称已存在 (an organisation named ${input.name} exists)`);
  }
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await insertOrganisation(tx, {
      id: randomUUID(),
      kind: input.kind,
      code: input.code,
      province: input.province,
      name: input.name,
      filed_at: input.filedAt === undefined ? deps.now() : new Date(input.filedAt),
      created_by: actor.username,
    });
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'organisation.add',
      subject: inserted.id,
      details: {
        kind: inserted.kind,
        code: inserted.code,
        province: inserted.province,
        name: inserted.name,
      },
    });
    return inserted;
  });
  return organisationView(row);
}

/** Every organisation; an org_staff member sees only their own. */
export async function listOrganisations(
  deps: Pick<AdminDeps, 'db'>,
  principal: CenterPrincipal | undefined,
): Promise<OrganisationView[]> {
  const rows = await listRows(deps.db);
  const visible =
    principal?.role === 'org_staff'
      ? rows.filter((row) => row.id === principal.organisationId)
      : rows;
  return visible.map(organisationView);
}
