import {
  AppErrorSchema,
  CodedError,
  ImportedExamPackageSchema,
  ImportedExamRowSchema,
  OneTimePasswordSchema,
  SitePackageKeySchema,
  StaffAccountSchema,
  TrustedSigningKeySchema,
} from '@skillexam/shared';
import { z } from 'zod';

/*
 * The exam admin's site routes (docs/decisions/0960): keys, exam packages, staff accounts.
 * The server checks and words every refusal; the console shows its message as it is.
 */

const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);

export async function request<T extends z.ZodType>(
  token: string,
  schema: T,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<z.infer<T>> {
  const binary = body instanceof Uint8Array;
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined
        ? {}
        : { 'content-type': binary ? 'application/octet-stream' : 'application/json' }),
    },
    ...(body === undefined
      ? {}
      : { body: binary ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body) }),
  });
  const envelope = EnvelopeSchema.safeParse(await res.json().catch(() => undefined));
  if (!envelope.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  if (!envelope.data.ok)
    throw new CodedError(envelope.data.error.code, envelope.data.error.message);
  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) throw new CodedError('INTERNAL', `服务器响应无效 (HTTP ${res.status})`);
  return parsed.data;
}

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
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
