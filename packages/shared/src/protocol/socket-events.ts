import { z } from 'zod';
import type { Ack } from './ack';
import {
  MarkingQueuePayloadSchema,
  MarkingSubmitPayloadSchema,
  type MarkingQueue,
  type MarkingQueuePayload,
  type MarkingSubmitPayload,
  type MarkingSubmitResult,
} from './marking-events';
import type { ContentKey, SealedPaper } from './sealed-paper';
import {
  IncidentConfirmPayloadSchema,
  IncidentCreatePayloadSchema,
  IncidentListPayloadSchema,
  ResultsSummaryPayloadSchema,
  SessionAssignPayloadSchema,
  TimelinePayloadSchema,
  type AuditStatus,
  type ConsoleSessions,
  type IncidentConfirmPayload,
  type IncidentCreatePayload,
  type IncidentList,
  type IncidentListPayload,
  type IncidentView,
  type ResultsSummary,
  type ResultsSummaryPayload,
  type SessionAssignPayload,
  type SessionAssignResult,
  type Timeline,
  type TimelinePayload,
} from './console-events';
import {
  AnswerEventSchema,
  AttemptResyncPayloadSchema,
  type AnswerEvent,
  type AnswerSaveResult,
  type AttemptResyncPayload,
  type AttemptResyncResult,
} from './answer';
import {
  AdmitPayloadSchema,
  AttemptReasonSchema,
  AttemptRefSchema,
  EmptyPayloadSchema,
  ExtendPayloadSchema,
  ExtensionCapPayloadSchema,
  HeartbeatPayloadSchema,
  KioskEventPayloadSchema,
  MovePayloadSchema,
  ProctorMessagePayloadSchema,
  RoomLayoutPayloadSchema,
  SessionPauseSchema,
  SessionRefSchema,
  type AdmitPayload,
  type AdmitResult,
  type AttemptReason,
  type AttemptRef,
  type AttemptMessage,
  type AttemptView,
  type CandidateIdentity,
  type DoneResult,
  type EmptyPayload,
  type ExtendPayload,
  type ExtensionCapPayload,
  type HeartbeatPayload,
  type HeartbeatResult,
  type KioskEventNotice,
  type KioskEventPayload,
  type MonitorSnapshot,
  type MovePayload,
  type ProctorMessagePayload,
  type ProctorMessageResult,
  type RevokedNotice,
  type RoomLayoutPayload,
  type RoomView,
  type SessionPause,
  type SessionRef,
  type SessionView,
} from './exam-events';

/*
 * The socket.io contract between kiosk clients / the proctor console and the proctor server.
 * Names are `domain:verb`. Every client→server event carries a payload validated with the
 * schema in `clientPayloadSchemas` and an ack callback receiving `Ack<T>`.
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

type Handler<P, R> = (payload: P, ack: (result: Ack<R>) => void) => void;

export interface ClientToServerEvents {
  // every client, even before login
  'system:ping': Handler<PingPayload, PingResult>;
  // candidate (kiosk) events; the attempt comes from the candidate token
  'answer:save': Handler<AnswerEvent, AnswerSaveResult>;
  'attempt:resync': Handler<AttemptResyncPayload, AttemptResyncResult>;
  'attempt:state': Handler<EmptyPayload, AttemptView>;
  'attempt:confirm-identity': Handler<EmptyPayload, AttemptView>;
  'attempt:identity': Handler<EmptyPayload, CandidateIdentity>;
  /** The candidate's own paper, encrypted; allowed once the identity is confirmed. */
  'attempt:sealed-paper': Handler<EmptyPayload, SealedPaper>;
  /** The content key; only while the attempt is in progress or paused. */
  'attempt:content-key': Handler<EmptyPayload, ContentKey>;
  'attempt:heartbeat': Handler<HeartbeatPayload, HeartbeatResult>;
  'attempt:submit': Handler<EmptyPayload, AttemptView>;
  'kiosk:event': Handler<KioskEventPayload, DoneResult>;
  'auth:logout': Handler<EmptyPayload, DoneResult>;
  // staff events (role checks in the server's action table)
  'monitor:snapshot': Handler<SessionRef, MonitorSnapshot>;
  'session:open-check-in': Handler<SessionRef, SessionView>;
  'session:start': Handler<SessionRef, SessionView>;
  'session:pause': Handler<SessionPause, SessionView>;
  'session:resume': Handler<SessionRef, SessionView>;
  'session:end': Handler<SessionRef, SessionView>;
  'proctor:admit': Handler<AdmitPayload, AdmitResult>;
  'proctor:pause': Handler<AttemptReason, AttemptView>;
  'proctor:resume': Handler<AttemptRef, AttemptView>;
  'proctor:extend': Handler<ExtendPayload, AttemptView>;
  'proctor:extension-cap': Handler<ExtensionCapPayload, AttemptView>;
  'proctor:force-submit': Handler<AttemptReason, AttemptView>;
  'proctor:void': Handler<AttemptReason, AttemptView>;
  'proctor:move': Handler<MovePayload, AttemptView>;
  'proctor:unlock': Handler<AttemptRef, AttemptView>;
  'proctor:message': Handler<ProctorMessagePayload, ProctorMessageResult>;
  'room:set-layout': Handler<RoomLayoutPayload, RoomView>;
  'marking:queue': Handler<MarkingQueuePayload, MarkingQueue>;
  'marking:submit': Handler<MarkingSubmitPayload, MarkingSubmitResult>;
  // proctor console
  'console:sessions': Handler<EmptyPayload, ConsoleSessions>;
  'console:timeline': Handler<TimelinePayload, Timeline>;
  'session:assign-proctors': Handler<SessionAssignPayload, SessionAssignResult>;
  'incident:list': Handler<IncidentListPayload, IncidentList>;
  'incident:create': Handler<IncidentCreatePayload, IncidentView>;
  'incident:confirm': Handler<IncidentConfirmPayload, IncidentView>;
  'results:summary': Handler<ResultsSummaryPayload, ResultsSummary>;
  'audit:status': Handler<EmptyPayload, AuditStatus>;
}

export interface ServerToClientEvents {
  /** The server is shutting down gracefully; clients keep journaling and reconnect. */
  'system:shutdown': (notice: ShutdownNotice) => void;
  /** To the candidate: their attempt changed (admitted, started, paused, 补时, submitted…). */
  'attempt:changed': (attempt: AttemptView) => void;
  /** To the candidate: this login was replaced by a newer one or logged out; stop using it. */
  'attempt:revoked': (notice: RevokedNotice) => void;
  /** To the candidate: a message from the proctors (`proctor:message`). */
  'attempt:message': (message: AttemptMessage) => void;
  /** To staff: any attempt changed. */
  'monitor:attempt': (attempt: AttemptView) => void;
  /** To staff: a session changed. */
  'monitor:session': (session: SessionView) => void;
  /** To staff: a kiosk reported focus loss, a display change, a VM or a remote tool. */
  'monitor:kiosk-event': (notice: KioskEventNotice) => void;
  /** To staff: an incident was recorded or confirmed. */
  'monitor:incident': (incident: IncidentView) => void;
}

/** Schemas of every client→server payload, keyed like `ClientToServerEvents`. */
export const clientPayloadSchemas = {
  'system:ping': PingPayloadSchema,
  'answer:save': AnswerEventSchema,
  'attempt:resync': AttemptResyncPayloadSchema,
  'attempt:state': EmptyPayloadSchema,
  'attempt:confirm-identity': EmptyPayloadSchema,
  'attempt:identity': EmptyPayloadSchema,
  'attempt:sealed-paper': EmptyPayloadSchema,
  'attempt:content-key': EmptyPayloadSchema,
  'attempt:heartbeat': HeartbeatPayloadSchema,
  'attempt:submit': EmptyPayloadSchema,
  'kiosk:event': KioskEventPayloadSchema,
  'auth:logout': EmptyPayloadSchema,
  'monitor:snapshot': SessionRefSchema,
  'session:open-check-in': SessionRefSchema,
  'session:start': SessionRefSchema,
  'session:pause': SessionPauseSchema,
  'session:resume': SessionRefSchema,
  'session:end': SessionRefSchema,
  'proctor:admit': AdmitPayloadSchema,
  'proctor:pause': AttemptReasonSchema,
  'proctor:resume': AttemptRefSchema,
  'proctor:extend': ExtendPayloadSchema,
  'proctor:extension-cap': ExtensionCapPayloadSchema,
  'proctor:force-submit': AttemptReasonSchema,
  'proctor:void': AttemptReasonSchema,
  'proctor:move': MovePayloadSchema,
  'proctor:unlock': AttemptRefSchema,
  'proctor:message': ProctorMessagePayloadSchema,
  'room:set-layout': RoomLayoutPayloadSchema,
  'marking:queue': MarkingQueuePayloadSchema,
  'marking:submit': MarkingSubmitPayloadSchema,
  'console:sessions': EmptyPayloadSchema,
  'console:timeline': TimelinePayloadSchema,
  'session:assign-proctors': SessionAssignPayloadSchema,
  'incident:list': IncidentListPayloadSchema,
  'incident:create': IncidentCreatePayloadSchema,
  'incident:confirm': IncidentConfirmPayloadSchema,
  'results:summary': ResultsSummaryPayloadSchema,
  'audit:status': EmptyPayloadSchema,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

export type ClientEventName = keyof ClientToServerEvents;

/** The payload a client sends with event `E`. */
export type ClientPayload<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];

/** The data of a successful ack of event `E`. */
export type ClientAckData<E extends ClientEventName> = Parameters<
  ClientToServerEvents[E]
>[1] extends (result: Ack<infer T>) => void
  ? T
  : never;
