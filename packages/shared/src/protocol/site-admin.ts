import { z } from 'zod';
import { StaffRoleSchema } from './exam-events';
import { ReasonSchema } from './reason';

/*
 * The exam admin's site pages of the console (docs/decisions/0960): the site's package key,
 * trusted signing keys, exam package import and staff accounts over HTTP. Replies as the server
 * sends them inside its `{ ok, data }` envelope.
 */

const KeyId = z.string().regex(/^[0-9a-f]{16}$/);

/** GET /api/keys/site: what `proctor-server package key` prints. */
export const SitePackageKeySchema = z.object({ keyId: KeyId, publicKeyPem: z.string().min(1) });
export type SitePackageKey = z.infer<typeof SitePackageKeySchema>;

/** One trusted Ed25519 signing key (GET /api/keys/trusted). */
export const TrustedSigningKeySchema = z.object({
  keyId: KeyId,
  label: z.string(),
  addedAt: z.number(),
  /** The audit actor who trusted it (`staff:admin`, `cli:root`), when the audit log has it. */
  addedBy: z.string().optional(),
});
export type TrustedSigningKey = z.infer<typeof TrustedSigningKeySchema>;

/** POST /api/keys/trusted: the PEM text of an uploaded `.pub` file and whose key it is. */
export const TrustKeyRequestSchema = z.object({
  pem: z.string().min(1).max(10_000),
  label: z.string().trim().min(1).max(200),
});

/** POST /api/keys/trusted/revoke. */
export const RevokeKeyRequestSchema = z.object({ keyId: KeyId, reason: ReasonSchema });

/** POST /api/exams/import: the verification shown after a package is accepted. */
export const ImportedExamPackageSchema = z.object({
  examId: z.string(),
  title: z.string(),
  items: z.number(),
  assets: z.number(),
  signerKeyId: KeyId,
  siteKeyId: KeyId,
});
export type ImportedExamPackage = z.infer<typeof ImportedExamPackageSchema>;

/** GET /api/exams. */
export const ImportedExamRowSchema = z.object({
  examId: z.string(),
  title: z.string(),
  importedAt: z.number(),
  sessions: z.number(),
});
export type ImportedExamRow = z.infer<typeof ImportedExamRowSchema>;

/** One staff account (GET /api/staff); never its password hash. */
export const StaffAccountSchema = z.object({
  username: z.string(),
  role: StaffRoleSchema,
  createdAt: z.number(),
  disabled: z.boolean(),
  /** A login wait is running (`user unlock` clears it). */
  locked: z.boolean(),
  failedAttempts: z.number(),
});
export type StaffAccount = z.infer<typeof StaffAccountSchema>;

/** POST /api/staff: a new account; the server makes its one-time password. */
export const AddStaffRequestSchema = z.object({
  username: z.string().min(1).max(64),
  role: z.string().min(1).max(20),
});

/** POST /api/staff and /api/staff/reset-password: the password, shown once and never stored. */
export const OneTimePasswordSchema = z.object({
  username: z.string(),
  role: StaffRoleSchema.optional(),
  oneTimePassword: z.string().min(10),
});
export type OneTimePassword = z.infer<typeof OneTimePasswordSchema>;

/** POST /api/staff/disable | enable | reset-password with the reason the console asks for (audited). */
export const StaffReasonRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  reason: ReasonSchema,
});
