import { z } from 'zod';
import {
  AttemptStatusSchema,
  SeatLayoutSchema,
  SessionRulesSchema,
  SessionStatusSchema,
} from '../domain/session';
import { AccommodationsSchema } from '../domain/candidate';
import { KioskProofSchema } from './kiosk-enrollment';
import { ReasonSchema } from './reason';

/*
 * Payloads and views of the exam-room protocol: candidate login, attempt lifecycle,
 * proctor actions and the monitor feed. Times are epoch milliseconds of the SERVER clock.
 */

const IdSchema = z.string().min(1).max(64);

export const StaffRoleSchema = z.enum(['admin', 'proctor', 'supervisor']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffLoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginRequestSchema>;

export const StaffLoginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  role: StaffRoleSchema,
  username: z.string(),
});
export type StaffLoginResult = z.infer<typeof StaffLoginResultSchema>;

export const CandidateLoginRequestSchema = z.object({
  admissionTicketNumber: z.string().trim().min(1).max(32),
  examCode: z.string().trim().min(1).max(32),
  /** `kiosk` for the locked-down desktop app, `web` for the browser shell (practice only). */
  clientKind: z.enum(['kiosk', 'web']),
  /**
   * SHA-256 (64 lowercase hex) of the kiosk app's bundled code, computed by the desktop main
   * process; recorded in the login audit event and checked against `requiredClientIntegrity`.
   */
  clientIntegrity: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'clientIntegrity: 64 lowercase hex characters (SHA-256)')
    .optional(),
  /**
   * An enrolled kiosk's proof (kiosk-enrollment.ts): required for `clientKind: 'kiosk'`, which
   * is otherwise refused with CLIENT_REJECTED (docs/decisions/0216).
   */
  kioskProof: KioskProofSchema.optional(),
});
export type CandidateLoginRequest = z.infer<typeof CandidateLoginRequestSchema>;

/** One candidate's attempt as the candidate and the proctor console see it. */
export const AttemptViewSchema = z.object({
  attemptId: z.string(),
  sessionId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  /** 身份证号 with the middle hidden, e.g. 110105********0015. */
  maskedIdNumber: z.string(),
  photoAssetHash: z.string().optional(),
  roomId: z.string(),
  seat: z.int(),
  status: AttemptStatusSchema,
  identityConfirmed: z.boolean(),
  lockedUntil: z.number().optional(),
  startedAt: z.number().optional(),
  /**
   * The server-authoritative deadline (start + duration + 补时 + pauses). While paused it moves
   * with the server's clock, so `deadlineAt − serverTime` (the time left) stays frozen.
   */
  deadlineAt: z.number().optional(),
  pausedAt: z.number().optional(),
  /** While paused: the candidate's own pause, or the whole session's (docs/decisions/0226). */
  pauseKind: z.enum(['attempt', 'session']).optional(),
  extensionMs: z.number(),
  /** 补时上限 raised for this candidate by an exam admin; otherwise the session's rule applies. */
  extensionCapMs: z.number().optional(),
  /** Only when the roster grants any. */
  accommodations: AccommodationsSchema.optional(),
  submittedAt: z.number().optional(),
  ackedSeq: z.int(),
  lastHeartbeatAt: z.number().optional(),
  serverTime: z.number(),
});
export type AttemptView = z.infer<typeof AttemptViewSchema>;

export const CandidateLoginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.number(),
  attempt: AttemptViewSchema,
});
export type CandidateLoginResult = z.infer<typeof CandidateLoginResultSchema>;

export const SessionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  examId: z.string(),
  status: SessionStatusSchema,
  scheduledStart: z.number(),
  durationMinutes: z.int(),
  rules: SessionRulesSchema,
  startedAt: z.number().optional(),
  pausedAt: z.number().optional(),
  endedAt: z.number().optional(),
  serverTime: z.number(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const EmptyPayloadSchema = z.object({}).strict();
export type EmptyPayload = z.infer<typeof EmptyPayloadSchema>;

export const HeartbeatPayloadSchema = z.object({ sentAt: z.number().finite() });
export type HeartbeatPayload = z.infer<typeof HeartbeatPayloadSchema>;
export const HeartbeatResultSchema = z.object({
  serverTime: z.number(),
  sentAt: z.number(),
  status: AttemptStatusSchema,
  deadlineAt: z.number().optional(),
});
export type HeartbeatResult = z.infer<typeof HeartbeatResultSchema>;

/** What the kiosk detects and cannot prevent (docs/architecture.md#security-model). */
export const KioskEventKindSchema = z.enum([
  'focus_lost',
  'focus_regained',
  'display_changed',
  'vm_suspected',
  'remote_tool_found',
  'client_restarted',
  /** The kiosk met a server whose TLS certificate is not its site's (docs/decisions/0232). */
  'server_cert_mismatch',
]);
export const KioskEventPayloadSchema = z.object({
  kind: KioskEventKindSchema,
  detail: z.string().max(2000).default(''),
  clientTime: z.iso.datetime(),
});
export type KioskEventPayload = z.infer<typeof KioskEventPayloadSchema>;
/** What the console is told about a candidate: the kiosk's reports, plus what the server saw. */
export const KioskEventNoticeKindSchema = z.enum([
  ...KioskEventKindSchema.options,
  /** The server refused one of the candidate's answers for good (docs/decisions/0227). */
  'answer_rejected',
]);
export const KioskEventNoticeSchema = z.object({
  attemptId: z.string(),
  sessionId: z.string(),
  kind: KioskEventNoticeKindSchema,
  detail: z.string(),
  at: z.number(),
  /** Repeats of the same report coalesced into this record (1 when it happened once). */
  count: z.int().min(1).optional(),
});
export type KioskEventNotice = z.infer<typeof KioskEventNoticeSchema>;

export const SessionRefSchema = z.object({ sessionId: IdSchema });
export type SessionRef = z.infer<typeof SessionRefSchema>;
export const SessionPauseSchema = z.object({ sessionId: IdSchema, reason: ReasonSchema });
export type SessionPause = z.infer<typeof SessionPauseSchema>;
/** 结束考试 force-submits every running paper: a reason, audited (docs/decisions/0986). */
export const SessionEndSchema = z.object({ sessionId: IdSchema, reason: ReasonSchema });
export type SessionEnd = z.infer<typeof SessionEndSchema>;
export const AdmitPayloadSchema = z.object({
  sessionId: IdSchema,
  /** The attempts to admit; omitted means every candidate waiting with a confirmed identity. */
  attemptIds: z.array(IdSchema).min(1).max(10_000).optional(),
});
export type AdmitPayload = z.infer<typeof AdmitPayloadSchema>;
export const AttemptRefSchema = z.object({ attemptId: IdSchema });
export type AttemptRef = z.infer<typeof AttemptRefSchema>;
export const AttemptReasonSchema = z.object({ attemptId: IdSchema, reason: ReasonSchema });
export type AttemptReason = z.infer<typeof AttemptReasonSchema>;
export const ExtendPayloadSchema = z.object({
  attemptId: IdSchema,
  minutes: z.int().min(1).max(240),
  reason: ReasonSchema,
});
export type ExtendPayload = z.infer<typeof ExtendPayloadSchema>;
/** An exam admin raises one candidate's 补时上限 (total minutes) beyond the session rule. */
export const ExtensionCapPayloadSchema = z.object({
  attemptId: IdSchema,
  capMinutes: z.int().min(1).max(600),
  reason: ReasonSchema,
});
export type ExtensionCapPayload = z.infer<typeof ExtensionCapPayloadSchema>;
export const MovePayloadSchema = z.object({
  attemptId: IdSchema,
  roomId: IdSchema,
  seat: z.int().min(1).max(999),
  reason: ReasonSchema,
});
export type MovePayload = z.infer<typeof MovePayloadSchema>;

export const AdmitResultSchema = z.object({ admitted: z.array(z.string()) });
export type AdmitResult = z.infer<typeof AdmitResultSchema>;
/** A room of a session with its seat map, for the console's room view. */
export const RoomViewSchema = z.object({
  roomId: z.string(),
  name: z.string(),
  seatCount: z.int(),
  layout: SeatLayoutSchema,
});
export type RoomView = z.infer<typeof RoomViewSchema>;

/**
 * Candidates per state for the console header: 未登录 / 已登录 / 待审核 / 已准入 / 作答中 / 暂停 /
 * 离线 / 已交卷 / 缺考 / 作废. `offline` counts candidates who logged in, have not finished and
 * have no connected socket; they are also counted in their status.
 */
export const MonitorCountsSchema = z.object({
  notLoggedIn: z.int(),
  loggedIn: z.int(),
  awaitingAdmission: z.int(),
  admitted: z.int(),
  inProgress: z.int(),
  paused: z.int(),
  offline: z.int(),
  submitted: z.int(),
  absent: z.int(),
  voided: z.int(),
});
export type MonitorCounts = z.infer<typeof MonitorCountsSchema>;

/** Per-attempt live facts beside its AttemptView: progress, presence, time left. */
export const AttemptProgressSchema = z.object({
  attemptId: z.string(),
  answered: z.int(),
  total: z.int(),
  /** A candidate socket of this attempt is connected now. */
  online: z.boolean(),
  /** Until the attempt's deadline (frozen while paused); absent before the start. */
  timeLeftMs: z.number().optional(),
  /** The seat's label from the room's seat map, e.g. "07". */
  seatLabel: z.string().optional(),
});
export type AttemptProgress = z.infer<typeof AttemptProgressSchema>;

/** 缺考名单: on the roster, never logged in, and the late-entry cutoff has passed. */
export const AbsentCandidateSchema = z.object({
  attemptId: z.string(),
  admissionTicketNumber: z.string(),
  name: z.string(),
  roomId: z.string(),
  seat: z.int(),
});
export type AbsentCandidate = z.infer<typeof AbsentCandidateSchema>;

export const MonitorSnapshotSchema = z.object({
  session: SessionViewSchema,
  attempts: z.array(AttemptViewSchema),
  rooms: z.array(RoomViewSchema),
  counts: MonitorCountsSchema,
  progress: z.array(AttemptProgressSchema),
  /** Until the session's scheduled end plus session-wide pauses; absent before the start. */
  timeLeftMs: z.number().optional(),
  /** Empty until the late-entry cutoff has passed. */
  absent: z.array(AbsentCandidateSchema),
  /** The newest kiosk events of the session (newest first, at most 50). */
  recentKioskEvents: z.array(KioskEventNoticeSchema),
  /**
   * The latest report of each kind per candidate (with the total count), so a flood of one
   * kind from one kiosk cannot push another candidate's warning out of `recentKioskEvents`.
   */
  latestKioskEvents: z.array(KioskEventNoticeSchema),
});
export type MonitorSnapshot = z.infer<typeof MonitorSnapshotSchema>;
export const DoneResultSchema = z.object({ done: z.literal(true) });
export type DoneResult = z.infer<typeof DoneResultSchema>;
export const RevokedNoticeSchema = z.object({ reason: z.string() });
export type RevokedNotice = z.infer<typeof RevokedNoticeSchema>;

/** 考生身份核对: what the kiosk shows before the candidate confirms (photo, name, masked ID). */
export const CandidateIdentitySchema = z.object({
  admissionNumber: z.string(),
  name: z.string(),
  maskedIdNumber: z.string(),
  occupation: z.object({ code: z.string(), name: z.string() }),
  level: z.object({ code: z.string(), name: z.string() }),
  room: z.string().optional(),
  seat: z.string().optional(),
  /** The session's scheduled start (ms since epoch, server clock), for the waiting countdown. */
  scheduledStartAt: z.number().optional(),
  photo: z
    .object({ mimeType: z.enum(['image/jpeg', 'image/png']), dataBase64: z.base64() })
    .optional(),
});
export type CandidateIdentity = z.infer<typeof CandidateIdentitySchema>;

/** `proctor:message`: to one candidate (attemptId) or every candidate of the session. */
export const ProctorMessagePayloadSchema = z.object({
  sessionId: IdSchema,
  attemptId: IdSchema.optional(),
  text: z.string().trim().min(1, '请填写消息内容 (a message is required)').max(500),
});
export type ProctorMessagePayload = z.infer<typeof ProctorMessagePayloadSchema>;
export const ProctorMessageResultSchema = z.object({
  /** How many attempts the message was addressed to. */
  recipients: z.int(),
  at: z.number(),
});
export type ProctorMessageResult = z.infer<typeof ProctorMessageResultSchema>;

/** Server → candidate: a message from the proctors, shown on the kiosk. */
export const AttemptMessageSchema = z.object({
  text: z.string(),
  from: z.string(),
  at: z.number(),
});
export type AttemptMessage = z.infer<typeof AttemptMessageSchema>;

/** `room:set-layout`: replaces a room's seat map (every seat in use must stay). */
export const RoomLayoutPayloadSchema = z.object({
  sessionId: IdSchema,
  roomId: IdSchema,
  layout: SeatLayoutSchema,
});
export type RoomLayoutPayload = z.infer<typeof RoomLayoutPayloadSchema>;
