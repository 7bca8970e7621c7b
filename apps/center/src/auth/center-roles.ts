/*
 * Staff roles of the centre. 中心管理员 manages organisations, sites, number ranges and staff;
 * 评价机构人员 ingests results, runs batches and issues certificates of their own organisation;
 * 质量督导员 reads everything and writes nothing.
 */
export const CENTER_ROLES = ['centre_admin', 'org_staff', 'supervisor'] as const;
export type CenterRole = (typeof CENTER_ROLES)[number];

export interface CenterPrincipal {
  readonly staffId: string;
  readonly username: string;
  readonly role: CenterRole;
  /** The organisation an `org_staff` account belongs to; undefined for the other roles. */
  readonly organisationId?: string;
}
