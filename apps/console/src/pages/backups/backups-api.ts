import { z } from 'zod';
import { downloadFile, request, withQuery } from '../../api/http-api';

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
export function downloadBackup(token: string, name: string): Promise<string> {
  return downloadFile(token, withQuery('/api/backups/file', { name }), name);
}
