import { AUTHOR_ROLES, CodedError, type AuthorRole, type AuthorUser } from '@skillexam/shared';

/*
 * Who does a use case: the id written into the bank, the name shown in a refusal and the roles
 * (命题人员 / 审题人员 / 题库管理员). Each workflow states which roles it needs and checks them
 * here, once; the desktop host passes its signed-in user, the CLI passes the bank operator.
 */

export type Actor = Pick<AuthorUser, 'id' | 'name'> & { readonly roles: readonly AuthorRole[] };

export const ROLE_NAMES: Record<AuthorRole, string> = {
  writer: '命题人员',
  reviewer: '审题人员',
  admin: '题库管理员',
};

/** The actor's id when they hold one of `roles`; a FORBIDDEN CodedError naming the roles if not. */
export function requireRole(actor: Actor, roles: readonly AuthorRole[]): string {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new CodedError(
      'FORBIDDEN',
      `${actor.name}（${actor.id}）没有此操作的权限，需要：${roles.map((role) => ROLE_NAMES[role]).join(' 或 ')}`,
    );
  }
  return actor.id;
}

/**
 * The person at the command line: whoever can open the .qbank file owns it and holds every role
 * (the bank's own rules, such as the four-eyes rule on approval, still apply to them).
 */
export function bankOperator(id: string): Actor {
  return { id, name: id, roles: AUTHOR_ROLES };
}
