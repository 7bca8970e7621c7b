import { CodedError } from '@skillexam/shared';
import { z } from 'zod';
import { request } from '../keys/site-admin-api';

/*
 * The 备份与恢复 and 审计 routes (docs/decisions/0981–0983): the backup folder's list with the
 * server's own restore/verify commands, one backup's download by its listed name, and the full
 * audit verification run now.
 */

const BackupSchema = z.object({
  name: z.string(),
  at: z.number(),
  bytes: z.number(),
  head: z.object({ seq: z.number(), hash: z.string(), at: z.number() }).optional(),
  headError: z.string().optional(),
  headFile: z.string().optional(),
  restoreCommand: z.string(),
  verifyCommand: z.string(),
});
export type BackupEntry = z.infer<typeof BackupSchema>;

export const BackupListSchema = z.object({
  available: z.boolean(),
  backupDir: z.string().optional(),
  dataDir: z.string().optional(),
  keep: z.number(),
  serverPid: z.number().optional(),
  backups: z.array(BackupSchema),
});
export type BackupList = z.infer<typeof BackupListSchema>;

const ProblemSchema = z.object({ seq: z.number(), problem: z.string() });
export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  records: z.number(),
  checkpoints: z.number(),
  lastSeq: z.number(),
  verifiedAt: z.number(),
  tookMs: z.number(),
  problems: z.array(ProblemSchema),
  warnings: z.array(ProblemSchema),
  command: z.string().optional(),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export function listBackups(token: string): Promise<BackupList> {
  return request(token, BackupListSchema, 'GET', '/api/backups');
}

export function verifyAuditNow(token: string): Promise<AuditVerification> {
  return request(token, AuditVerificationSchema, 'POST', '/api/audit/verify', {});
}

/** Fetches a listed backup (or its witness) and hands it to the browser; resolves with its name. */
export async function downloadBackup(token: string, name: string): Promise<string> {
  const res = await fetch(`/api/backups/file?${new URLSearchParams({ name }).toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      { error?: { code?: string; message?: string } } | undefined;
    throw new CodedError('BAD_REQUEST', body?.error?.message ?? `下载失败 (HTTP ${res.status})`);
  }
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
