import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';

/*
 * Who sees which certificates: centre_admin and supervisor see all; org_staff only their own
 * organisation's. Someone else's certificate is answered as not found, so staff cannot probe
 * other organisations' numbers.
 */

/** The organisation a listing is limited to: the caller's own for org_staff, else `requested`. */
export function organisationScope(actor: CenterPrincipal, requested?: string): string | undefined {
  if (actor.role !== 'org_staff') return requested;
  if (requested !== undefined && requested !== actor.organisationId) {
    throw new CodedError('FORBIDDEN', '只能查看本机构的证书');
  }
  return actor.organisationId;
}

export function canSeeCertificate(actor: CenterPrincipal, organisationId: string): boolean {
  return actor.role !== 'org_staff' || actor.organisationId === organisationId;
}

export function certificateNotFound(number: string): CodedError {
  return new CodedError('NOT_FOUND', `证书 ${number} 不存在`);
}
