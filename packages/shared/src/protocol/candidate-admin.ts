import { z } from 'zod';
import { AttemptStatusSchema } from '../domain/session';
import { ReasonSchema } from './reason';

/*
 * 考生管理 (docs/decisions/0973–0976): the candidates of one session listed, one added with the
 * roster's checks, withdrawn (撤销考试资格) with a reason and reinstated (恢复资格).
 */

const Id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/);

/** One row of the 考生管理 list: a candidate on the roster, or a withdrawn one. */
export const CandidateAdminRowSchema = z.object({
  attemptId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  /** Masked: the first 6 and last 4 characters. */
  idNumber: z.string(),
  roomId: z.string(),
  roomName: z.string(),
  seat: z.number().int(),
  /** The attempt's status, or `withdrawn` (not an attempt any more). */
  status: z.union([AttemptStatusSchema, z.literal('withdrawn')]),
  photo: z.boolean(),
  extraMinutes: z.number().int(),
  withdrawal: z.object({ at: z.number().int(), by: z.string(), reason: z.string() }).optional(),
});
export type CandidateAdminRow = z.infer<typeof CandidateAdminRowSchema>;

/** GET /api/sessions/candidates?sessionId= */
export const CandidateAdminListSchema = z.object({
  sessionId: z.string(),
  sessionStatus: z.string(),
  rooms: z.array(z.object({ id: z.string(), name: z.string() })),
  candidates: z.array(CandidateAdminRowSchema),
});
export type CandidateAdminList = z.infer<typeof CandidateAdminListSchema>;

/** POST /api/sessions/candidates: one candidate, the fields of one roster row. */
export const AddCandidateRequestSchema = z.strictObject({
  sessionId: Id,
  admissionTicketNumber: z.string().max(200),
  name: z.string().max(200),
  idNumber: z.string().max(200),
  roomId: Id,
  /** Absent: the first free seat of the room. */
  seat: z.int().min(1).max(999).optional(),
  extraMinutes: z.int().min(0).max(10_000).optional(),
  largeText: z.boolean().optional(),
  highContrast: z.boolean().optional(),
  /** The photo (JPEG or PNG, ≤ 2 MB) as base64, with its file name. */
  photo: z
    .strictObject({
      fileName: z.string().min(1).max(200),
      base64: z.string().max(3_000_000),
    })
    .optional(),
});
export type AddCandidateRequest = z.input<typeof AddCandidateRequestSchema>;

export const AddCandidateResultSchema = z.object({
  attemptId: z.string(),
  admissionTicketNumber: z.string(),
  roomId: z.string(),
  seat: z.number().int(),
});
export type AddCandidateResult = z.infer<typeof AddCandidateResultSchema>;

/** POST /api/sessions/candidates/withdraw and /reinstate: one candidate, with a reason. */
export const CandidateReasonRequestSchema = z.strictObject({
  sessionId: Id,
  attemptId: Id,
  reason: ReasonSchema,
});
export type CandidateReasonRequest = z.input<typeof CandidateReasonRequestSchema>;
