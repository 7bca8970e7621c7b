import { z } from 'zod';
import { OptionIdSchema } from '../domain/choice-option';
import { AttemptStatusSchema } from '../domain/session';
import { ITEM_FLAG_CODES } from '../statistics/item-flags';
import { SessionViewSchema } from './exam-events';

/*
 * Proctor console events (docs/console.md): the session list, 考场情况记录 (incidents confirmed by two
 * proctors), the candidate timeline, the results view with item statistics and flags,
 * proctor assignment and the audit verification status for supervisors.
 */

const IdSchema = z.string().min(1).max(64);

/** 违纪 / 设备故障 / 断电断网 / 其他. */
export const IncidentCategorySchema = z.enum(['violation', 'equipment', 'power_network', 'other']);
export type IncidentCategory = z.infer<typeof IncidentCategorySchema>;

export const INCIDENT_CATEGORY_LABELS: Readonly<Record<IncidentCategory, string>> = {
  violation: '违纪',
  equipment: '设备故障',
  power_network: '断电断网',
  other: '其他',
};

export const IncidentListPayloadSchema = z.object({ sessionId: IdSchema });
export type IncidentListPayload = z.infer<typeof IncidentListPayloadSchema>;

export const IncidentCreatePayloadSchema = z.object({
  sessionId: IdSchema,
  category: IncidentCategorySchema,
  description: z.string().trim().min(1, '请填写情况说明 (a description is required)').max(2000),
  /** 涉及考生; empty for a room-wide incident. */
  attemptIds: z.array(IdSchema).max(1000).default([]),
  /** 处理结果, e.g. 警告 / 补时10分钟. */
  action: z.string().trim().max(200).default(''),
});
export type IncidentCreatePayload = z.input<typeof IncidentCreatePayloadSchema>;

export const IncidentConfirmPayloadSchema = z.object({ incidentId: z.int().min(1) });
export type IncidentConfirmPayload = z.infer<typeof IncidentConfirmPayloadSchema>;

export const IncidentCandidateSchema = z.object({
  attemptId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  seat: z.int(),
});

export const IncidentViewSchema = z.object({
  id: z.int(),
  sessionId: z.string(),
  category: IncidentCategorySchema,
  description: z.string(),
  action: z.string(),
  /** `manual` from the incidents page; otherwise the proctor action that recorded it. */
  source: z.string(),
  candidates: z.array(IncidentCandidateSchema),
  createdBy: z.string(),
  createdAt: z.number(),
  confirmedBy: z.string().optional(),
  confirmedAt: z.number().optional(),
});
export type IncidentView = z.infer<typeof IncidentViewSchema>;

export const IncidentListSchema = z.object({ incidents: z.array(IncidentViewSchema) });
export type IncidentList = z.infer<typeof IncidentListSchema>;

export const ConsoleRoomSchema = z.object({
  id: z.string(),
  name: z.string(),
  seatCount: z.int(),
});
export type ConsoleRoom = z.infer<typeof ConsoleRoomSchema>;

export const ConsoleSessionSchema = z.object({
  session: SessionViewSchema,
  rooms: z.array(ConsoleRoomSchema),
  candidates: z.int(),
  /** Proctors assigned to the session; empty means any proctor may act on it. */
  proctors: z.array(z.string()),
  /** The session's 督考人员 (docs/decisions/0985): recorded and printed, no extra rights. */
  supervisors: z.array(z.string()),
});
export type ConsoleSession = z.infer<typeof ConsoleSessionSchema>;

export const ConsoleSessionsSchema = z.object({ sessions: z.array(ConsoleSessionSchema) });
export type ConsoleSessions = z.infer<typeof ConsoleSessionsSchema>;

export const SessionAssignPayloadSchema = z.object({
  sessionId: IdSchema,
  usernames: z.array(z.string().trim().min(1).max(64)).max(100),
});
export type SessionAssignPayload = z.infer<typeof SessionAssignPayloadSchema>;

export const SessionAssignResultSchema = z.object({ proctors: z.array(z.string()) });
export type SessionAssignResult = z.infer<typeof SessionAssignResultSchema>;
export const SessionAssignSupervisorsResultSchema = z.object({ supervisors: z.array(z.string()) });
export type SessionAssignSupervisorsResult = z.infer<typeof SessionAssignSupervisorsResultSchema>;

export const TimelinePayloadSchema = z.object({ attemptId: IdSchema });
export type TimelinePayload = z.infer<typeof TimelinePayloadSchema>;

export const TimelineEntrySchema = z.object({
  at: z.number(),
  /** An audit action (`attempt.pause`, `candidate.login`…) or a kiosk event kind. */
  kind: z.string(),
  actor: z.string(),
  detail: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const TimelineSchema = z.object({ entries: z.array(TimelineEntrySchema) });
export type Timeline = z.infer<typeof TimelineSchema>;

export const ResultsSummaryPayloadSchema = z.object({ sessionId: IdSchema });
export type ResultsSummaryPayload = z.infer<typeof ResultsSummaryPayloadSchema>;

export const ScoreRowSchema = z.object({
  attemptId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  roomId: z.string(),
  seat: z.int(),
  status: AttemptStatusSchema,
  total: z.number().optional(),
  /** pass / fail, or pending while short answers await marking; absent without a score. */
  result: z.enum(['pass', 'fail', 'pending']).optional(),
});
export type ScoreRow = z.infer<typeof ScoreRowSchema>;

export const ItemFlagViewSchema = z.object({
  code: z.enum(ITEM_FLAG_CODES),
  value: z.number(),
  option: OptionIdSchema.optional(),
});

export const ItemStatRowSchema = z.object({
  itemId: z.string(),
  number: z.int(),
  itemType: z.string(),
  maxPoints: z.number(),
  n: z.int(),
  omitRate: z.number(),
  facility: z.number(),
  correctedPointBiserial: z.number().optional(),
  discriminationD: z.number().optional(),
  options: z
    .array(
      z.object({
        option: OptionIdSchema,
        isKey: z.boolean(),
        rate: z.number(),
        upperRate: z.number(),
        lowerRate: z.number(),
      }),
    )
    .optional(),
  flags: z.array(ItemFlagViewSchema),
});
export type ItemStatRow = z.infer<typeof ItemStatRowSchema>;

export const ResultsSummarySchema = z.object({
  sessionId: z.string(),
  fullMarks: z.number(),
  passMark: z.number(),
  rows: z.array(ScoreRowSchema),
  /** Candidates with a final score (pass or fail). */
  scored: z.int(),
  passed: z.int(),
  /** passed / scored; absent when nobody has a final score. */
  passRate: z.number().optional(),
  mean: z.number().optional(),
  standardDeviation: z.number().optional(),
  cronbachAlpha: z.number().optional(),
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.int() })),
  /** Empty while `itemsWithheld` says why (the answer key stays secret, docs/decisions/0220). */
  items: z.array(ItemStatRowSchema),
  /**
   * Why item statistics are left out: `exam_not_ended` while any session of the exam has not
   * ended (every role), `role` for proctors (they see their sessions' totals only).
   */
  itemsWithheld: z.enum(['exam_not_ended', 'role']).optional(),
});
export type ResultsSummary = z.infer<typeof ResultsSummarySchema>;

export const AuditStatusSchema = z.object({
  ok: z.boolean(),
  records: z.int(),
  checkpoints: z.int(),
  lastSeq: z.int(),
  verifiedAt: z.number(),
  problems: z.array(z.object({ seq: z.int(), problem: z.string() })),
});
export type AuditStatus = z.infer<typeof AuditStatusSchema>;

/** The console's downloads (`GET /api/console/download?file=…`): one list for server and console. */
export const CONSOLE_DOWNLOADS = [
  'incident-record',
  'score-summary',
  'answer-sheets',
  'results-package',
  'item-statistics',
  'responses',
] as const;
export type ConsoleDownload = (typeof CONSOLE_DOWNLOADS)[number];
