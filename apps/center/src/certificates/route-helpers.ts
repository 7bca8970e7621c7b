import { CodedError } from '@skillexam/shared';
import type { CenterPrincipal } from '../auth/center-roles';
import type { CenterRequest, CenterResponse } from '../http/center-route';

/* Small helpers shared by the certificate routes. */

export function principalOf(request: CenterRequest): CenterPrincipal {
  if (request.principal === undefined)
    throw new CodedError('UNAUTHORIZED', '请先登录 (login required)');
  return request.principal;
}

export function json(data: unknown, status?: number): CenterResponse {
  return { kind: 'json', data, ...(status === undefined ? {} : { status }) };
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An optional query parameter, undefined when absent or empty. */
export function queryParam(request: CenterRequest, name: string): string | undefined {
  const value = request.query.get(name);
  return value === null || value === '' ? undefined : value;
}
