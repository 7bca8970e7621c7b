import type { StaffRole } from '@skillexam/shared';

/** Who is on the other end of a socket, decided once by the auth middleware. */
export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'staff';
      readonly staffId: number;
      readonly username: string;
      readonly role: StaffRole;
      readonly token: string;
    }
  | {
      readonly kind: 'candidate';
      readonly attemptId: string;
      readonly sessionId: string;
      readonly token: string;
    };

export type PrincipalRole = 'anonymous' | 'candidate' | StaffRole;

export function roleOf(principal: Principal): PrincipalRole {
  return principal.kind === 'staff' ? principal.role : principal.kind;
}

/** The actor written into the audit chain. */
export function actorOf(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'staff':
      return `staff:${principal.username}`;
    case 'candidate':
      return `candidate:${principal.attemptId}`;
  }
}
