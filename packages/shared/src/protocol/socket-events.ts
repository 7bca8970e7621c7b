import { z } from 'zod';
import {
  MarkingQueuePayloadSchema,
  MarkingQueueSchema,
  MarkingSubmitPayloadSchema,
  MarkingSubmitResultSchema,
} from './marking-events';
import { ContentKeySchema, SealedPaperSchema } from './sealed-paper';
import {
  AuditStatusSchema,
  ConsoleSessionsSchema,
  IncidentConfirmPayloadSchema,
  IncidentCreatePayloadSchema,
  IncidentListPayloadSchema,
  IncidentListSchema,
  IncidentViewSchema,
  ResultsSummaryPayloadSchema,
  ResultsSummarySchema,
  SessionAssignPayloadSchema,
  SessionAssignResultSchema,
  SessionAssignSupervisorsResultSchema,
  TimelinePayloadSchema,
  TimelineSchema,
} from './console-events';
import {
  AnswerEventSchema,
  AnswerSaveResultSchema,
  AttemptResyncPayloadSchema,
  AttemptResyncResultSchema,
} from './answer';
import {
  AdmitPayloadSchema,
  AdmitResultSchema,
  AttemptMessageSchema,
  AttemptReasonSchema,
  AttemptRefSchema,
  AttemptViewSchema,
  CandidateIdentitySchema,
  DoneResultSchema,
  EmptyPayloadSchema,
  ExtendPayloadSchema,
  ExtensionCapPayloadSchema,
  HeartbeatPayloadSchema,
  HeartbeatResultSchema,
  KioskEventNoticeSchema,
  KioskEventPayloadSchema,
  MonitorSnapshotSchema,
  MovePayloadSchema,
  ProctorMessagePayloadSchema,
  ProctorMessageResultSchema,
  RevokedNoticeSchema,
  RoomLayoutPayloadSchema,
  RoomViewSchema,
  SessionEndSchema,
  SessionPauseSchema,
  SessionRefSchema,
  SessionViewSchema,
} from './exam-events';

/*
 * The socket.io contract between kiosk clients / the proctor console and the proctor server,
 * declared once like the IPC contract (ipc-contract.ts): every client→server event with the
 * schema of its payload and of its ack's data, every server→client push with the schema of what
 * it carries. Names are `domain:kebab-case`. The server parses each payload with `payload`
 * (src/socket/validated.ts); callers check each reply against `ack` (socket-call.ts). The
 * socket.io event maps and the payload / ack types are derived from it (socket-event-types.ts).
 */

export const PingPayloadSchema = z.object({
  /** Client clock in ms since epoch, echoed back so the client can estimate its offset. */
  sentAt: z.number().finite(),
});
export type PingPayload = z.infer<typeof PingPayloadSchema>;

export const PingResultSchema = z.object({
  sentAt: z.number(),
  serverTime: z.number(),
  serverVersion: z.string(),
});
export type PingResult = z.infer<typeof PingResultSchema>;

export const ShutdownNoticeSchema = z.object({
  reason: z.string(),
  at: z.number(),
});
export type ShutdownNotice = z.infer<typeof ShutdownNoticeSchema>;

export const socketContract = {
  // every client, even before login
  'system:ping': { payload: PingPayloadSchema, ack: PingResultSchema },
  // candidate (kiosk) events; the attempt comes from the candidate token
  'answer:save': { payload: AnswerEventSchema, ack: AnswerSaveResultSchema },
  'attempt:resync': { payload: AttemptResyncPayloadSchema, ack: AttemptResyncResultSchema },
  'attempt:state': { payload: EmptyPayloadSchema, ack: AttemptViewSchema },
  'attempt:confirm-identity': { payload: EmptyPayloadSchema, ack: AttemptViewSchema },
  'attempt:identity': { payload: EmptyPayloadSchema, ack: CandidateIdentitySchema },
  /** The candidate's own paper, encrypted; allowed once the identity is confirmed. */
  'attempt:sealed-paper': { payload: EmptyPayloadSchema, ack: SealedPaperSchema },
  /** The content key; only while the attempt is in progress or paused. */
  'attempt:content-key': { payload: EmptyPayloadSchema, ack: ContentKeySchema },
  'attempt:heartbeat': { payload: HeartbeatPayloadSchema, ack: HeartbeatResultSchema },
  'attempt:submit': { payload: EmptyPayloadSchema, ack: AttemptViewSchema },
  'kiosk:event': { payload: KioskEventPayloadSchema, ack: DoneResultSchema },
  'auth:logout': { payload: EmptyPayloadSchema, ack: DoneResultSchema },
  // staff events (role checks in the server's action table)
  'monitor:snapshot': { payload: SessionRefSchema, ack: MonitorSnapshotSchema },
  'session:open-check-in': { payload: SessionRefSchema, ack: SessionViewSchema },
  'session:start': { payload: SessionRefSchema, ack: SessionViewSchema },
  'session:pause': { payload: SessionPauseSchema, ack: SessionViewSchema },
  'session:resume': { payload: SessionRefSchema, ack: SessionViewSchema },
  'session:end': { payload: SessionEndSchema, ack: SessionViewSchema },
  'proctor:admit': { payload: AdmitPayloadSchema, ack: AdmitResultSchema },
  'proctor:pause': { payload: AttemptReasonSchema, ack: AttemptViewSchema },
  'proctor:resume': { payload: AttemptRefSchema, ack: AttemptViewSchema },
  'proctor:extend': { payload: ExtendPayloadSchema, ack: AttemptViewSchema },
  'proctor:extension-cap': { payload: ExtensionCapPayloadSchema, ack: AttemptViewSchema },
  'proctor:force-submit': { payload: AttemptReasonSchema, ack: AttemptViewSchema },
  'proctor:void': { payload: AttemptReasonSchema, ack: AttemptViewSchema },
  'proctor:move': { payload: MovePayloadSchema, ack: AttemptViewSchema },
  'proctor:unlock': { payload: AttemptRefSchema, ack: AttemptViewSchema },
  'proctor:message': { payload: ProctorMessagePayloadSchema, ack: ProctorMessageResultSchema },
  'room:set-layout': { payload: RoomLayoutPayloadSchema, ack: RoomViewSchema },
  'marking:queue': { payload: MarkingQueuePayloadSchema, ack: MarkingQueueSchema },
  'marking:submit': { payload: MarkingSubmitPayloadSchema, ack: MarkingSubmitResultSchema },
  // proctor console
  'console:sessions': { payload: EmptyPayloadSchema, ack: ConsoleSessionsSchema },
  'console:timeline': { payload: TimelinePayloadSchema, ack: TimelineSchema },
  'session:assign-proctors': {
    payload: SessionAssignPayloadSchema,
    ack: SessionAssignResultSchema,
  },
  /** The 督考人员 a session records (docs/decisions/0985); supervisors still read every session. */
  'session:assign-supervisors': {
    payload: SessionAssignPayloadSchema,
    ack: SessionAssignSupervisorsResultSchema,
  },
  'incident:list': { payload: IncidentListPayloadSchema, ack: IncidentListSchema },
  'incident:create': { payload: IncidentCreatePayloadSchema, ack: IncidentViewSchema },
  'incident:confirm': { payload: IncidentConfirmPayloadSchema, ack: IncidentViewSchema },
  'results:summary': { payload: ResultsSummaryPayloadSchema, ack: ResultsSummarySchema },
  'audit:status': { payload: EmptyPayloadSchema, ack: AuditStatusSchema },
} as const satisfies Record<string, { payload: z.ZodType; ack: z.ZodType }>;

export const serverPushes = {
  /** The server is shutting down gracefully; clients keep journaling and reconnect. */
  'system:shutdown': ShutdownNoticeSchema,
  /** To the candidate: their attempt changed (admitted, started, paused, 补时, submitted…). */
  'attempt:changed': AttemptViewSchema,
  /** To the candidate: this login was replaced by a newer one or logged out; stop using it. */
  'attempt:revoked': RevokedNoticeSchema,
  /** To the candidate: a message from the proctors (`proctor:message`). */
  'attempt:message': AttemptMessageSchema,
  /** To staff: any attempt changed. */
  'monitor:attempt': AttemptViewSchema,
  /** To staff: a session changed. */
  'monitor:session': SessionViewSchema,
  /** To staff: a kiosk reported focus loss, a display change, a VM or a remote tool. */
  'monitor:kiosk-event': KioskEventNoticeSchema,
  /** To staff: an incident was recorded or confirmed. */
  'monitor:incident': IncidentViewSchema,
} as const satisfies Record<string, z.ZodType>;
