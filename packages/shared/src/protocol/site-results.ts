import { z } from 'zod';
import { ReasonSchema } from './reason';

/*
 * The last site tasks of the CLI in the console (docs/decisions/0991–0994): push a session's
 * results package to the evaluation centre (`results push`), check a results package
 * (`results verify`) and the site certificate (`tls show | renew`). Replies as the server sends
 * them inside its `{ ok, data }` envelope.
 */

const SessionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/);

/** The evaluation centre's address: http(s) only, as `results push --to` accepts it. */
export const CentreUrlSchema = z
  .string()
  .trim()
  .min(1, '请填写评价中心地址 (the centre address is required)')
  .max(500, '评价中心地址过长 (the centre address is at most 500 characters)')
  .refine((text) => /^https?:\/\//i.test(text), {
    message: '中心地址应以 http:// 或 https:// 开头 (centre URL must be http(s))',
  });

/** GET /api/results/centre: the centre address remembered for this site (every admin sees it). */
export const CentreSettingSchema = z.object({
  centreUrl: z.string().nullable(),
  updatedAt: z.number().optional(),
  updatedBy: z.string().optional(),
});
export type CentreSetting = z.infer<typeof CentreSettingSchema>;

/** POST /api/results/push: push the session's exported results package to the centre. */
export const ResultsPushRequestSchema = z.strictObject({
  sessionId: SessionId,
  centreUrl: CentreUrlSchema,
});
export type ResultsPushRequest = z.input<typeof ResultsPushRequestSchema>;

const ChainPointSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$|^$/),
});

/** What the centre answers when it takes a package in (its `data`). */
export const PushAcceptanceSchema = z.object({
  status: z.enum(['ingested', 'already_ingested']),
  packageId: z.string().max(1000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  site: z.object({ name: z.string().max(1000) }),
  candidates: z.number().int().nonnegative(),
  chainHead: ChainPointSchema,
  /** The centre's own audit record of taking the package in: an anchor of its chain. */
  centreReceipt: ChainPointSchema.optional(),
  supersedes: z.string().max(1000).optional(),
});

/** The centre's verdict, as `results push --json` prints it. */
export const PushVerdictSchema = z.object({
  ok: z.boolean(),
  /** HTTP status, 0 when the centre could not be reached. */
  status: z.number(),
  data: PushAcceptanceSchema.optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type PushVerdict = z.infer<typeof PushVerdictSchema>;

/** POST /api/results/push reply: the verdict and the package that was sent. */
export const ResultsPushReplySchema = z.object({
  verdict: PushVerdictSchema,
  packageFile: z.string(),
  packageSha256: z.string(),
  centreUrl: z.string(),
  /** The verdict in the words `results push` prints. */
  lines: z.array(z.string()),
});
export type ResultsPushReply = z.infer<typeof ResultsPushReplySchema>;

const Problem = z.object({ ticket: z.string(), problem: z.string() });

/** POST /api/results/verify (raw package bytes): what `results verify --json` prints. */
export const ResultsVerifyReportSchema = z.object({
  ok: z.boolean(),
  keyId: z.string().optional(),
  chainHead: z.object({ seq: z.number(), hash: z.string() }).optional(),
  candidates: z.number(),
  problems: z.array(Problem),
  notes: z.array(Problem),
});
export type ResultsVerifyReport = z.infer<typeof ResultsVerifyReportSchema>;

/** The console's reply: the report and the lines `results verify` prints. */
export const ResultsVerifyReplySchema = ResultsVerifyReportSchema.extend({
  lines: z.array(z.string()),
});
export type ResultsVerifyReply = z.infer<typeof ResultsVerifyReplySchema>;

/** GET /api/tls: what `tls show --json` prints, and whether a renewal applies without restart. */
export const SiteCertificateSchema = z.object({
  fingerprint: z.string(),
  serverFingerprint: z.string(),
  serverNotAfter: z.string(),
  caNotAfter: z.string(),
  dnsNames: z.array(z.string()),
  ipAddresses: z.array(z.string()),
  caKeyInDataDir: z.boolean(),
  /** `live`: this server serves HTTPS and loads a renewed certificate at once; else next start. */
  renewalTakesEffect: z.enum(['live', 'next-start']),
});
export type SiteCertificate = z.infer<typeof SiteCertificateSchema>;

/** POST /api/tls/renew. */
export const TlsRenewRequestSchema = z.strictObject({ reason: ReasonSchema });

/** POST /api/tls/renew reply: the new certificate and whether it is already being served. */
export const TlsRenewReplySchema = SiteCertificateSchema.extend({ appliedNow: z.boolean() });
export type TlsRenewReply = z.infer<typeof TlsRenewReplySchema>;
