import { z } from 'zod';
import { CENTER_ROLES } from './center-roles';

/* What the staff and organisation routes and commands accept (docs/center.md, accounts). */

export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,31}$/,
    '用户名为 2–32 位小写字母、数字或 ._- (2–32 of a-z 0-9 . _ -)',
  );

export const LoginBodySchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const ChangePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const NewStaffSchema = z.strictObject({
  username: UsernameSchema,
  displayName: z.string().trim().min(1, '姓名不能为空 (display name required)').max(64),
  role: z.enum(CENTER_ROLES),
  organisationId: z.string().min(1).max(64).optional(),
});
export type NewStaff = z.infer<typeof NewStaffSchema>;

export const NewOrganisationSchema = z.strictObject({
  kind: z.enum(['Y', 'S']),
  code: z
    .string()
    .regex(/^[0-9]{4}$/, '评价机构代码为 4 位数字 (4 digits; 0000 when filed with a province)'),
  province: z.string().regex(/^[0-9]{2}$/, '省份代码为 2 位数字 (2 digits)'),
  name: z.string().trim().min(1, '名称不能为空 (name required)').max(200),
  /** When it was filed (备案); the order of number ranges. Default: now. */
  filedAt: z.iso.datetime({ offset: true }).optional(),
});
export type NewOrganisation = z.infer<typeof NewOrganisationSchema>;
