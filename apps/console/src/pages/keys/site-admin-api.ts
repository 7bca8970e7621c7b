import {
  ImportedExamPackageSchema,
  ImportedExamRowSchema,
  OneTimePasswordSchema,
  SitePackageKeySchema,
  StaffAccountSchema,
  TrustedSigningKeySchema,
} from '@skillexam/shared';
import { z } from 'zod';
import { request, saveBlob } from '../../api/http-api';

/*
 * The exam admin's site routes (docs/decisions/0960): keys, exam packages, staff accounts.
 * The server checks and words every refusal; the console shows its message as it is.
 */

export function siteAdminApi(token: string) {
  return {
    siteKey: () => request(token, SitePackageKeySchema, 'GET', '/api/keys/site'),
    trustedKeys: () => request(token, z.array(TrustedSigningKeySchema), 'GET', '/api/keys/trusted'),
    trustKey: (pem: string, label: string) =>
      request(token, z.object({ keyId: z.string() }), 'POST', '/api/keys/trusted', { pem, label }),
    revokeKey: (keyId: string, reason: string) =>
      request(token, z.object({ keyId: z.string() }), 'POST', '/api/keys/trusted/revoke', {
        keyId,
        reason,
      }),
    importPackage: (bytes: Uint8Array) =>
      request(token, ImportedExamPackageSchema, 'POST', '/api/exams/import', bytes),
    exams: () => request(token, z.array(ImportedExamRowSchema), 'GET', '/api/exams'),
    staff: () => request(token, z.array(StaffAccountSchema), 'GET', '/api/staff'),
    addStaff: (username: string, role: string) =>
      request(token, OneTimePasswordSchema, 'POST', '/api/staff', { username, role }),
    resetPassword: (username: string, reason: string) =>
      request(token, OneTimePasswordSchema, 'POST', '/api/staff/reset-password', {
        username,
        reason,
      }),
    setDisabled: (username: string, disabled: boolean, reason: string) =>
      request(
        token,
        z.object({ username: z.string() }),
        'POST',
        disabled ? '/api/staff/disable' : '/api/staff/enable',
        { username, reason },
      ),
    unlock: (username: string) =>
      request(token, z.object({ username: z.string() }), 'POST', '/api/staff/unlock', {
        username,
      }),
  };
}

export type SiteAdminApi = ReturnType<typeof siteAdminApi>;

/** Hands `text` to the browser as a file download. */
export function saveTextFile(name: string, text: string): void {
  saveBlob(new Blob([text], { type: 'application/x-pem-file' }), name);
}
