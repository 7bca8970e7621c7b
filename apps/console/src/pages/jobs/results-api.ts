import {
  CentreSettingSchema,
  ResultsPushReplySchema,
  ResultsVerifyReplySchema,
  SiteCertificateSchema,
  TlsRenewReplySchema,
} from '@skillexam/shared';
import { request } from '../../api/http-api';

/*
 * The results and certificate routes of the console (docs/decisions/0991–0993): the server runs
 * the same functions as `results push | verify` and `tls show | renew` and words every refusal.
 */

export function siteResultsApi(token: string) {
  return {
    centre: () => request(token, CentreSettingSchema, 'GET', '/api/results/centre'),
    push: (sessionId: string, centreUrl: string) =>
      request(token, ResultsPushReplySchema, 'POST', '/api/results/push', {
        sessionId,
        centreUrl,
      }),
    verify: (bytes: Uint8Array) =>
      request(token, ResultsVerifyReplySchema, 'POST', '/api/results/verify', bytes),
    certificate: () => request(token, SiteCertificateSchema, 'GET', '/api/tls'),
    renew: (reason: string) =>
      request(token, TlsRenewReplySchema, 'POST', '/api/tls/renew', { reason }),
  };
}
