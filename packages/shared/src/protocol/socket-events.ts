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
import type { CandidatePaper } from '../domain/candidate-paper';
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
  HeartbeatPayloadSchema,
  IncidentPayloadSchema,
  KioskEventPayloadSchema,
  MovePayloadSchema,
  SessionPauseSchema,
  SessionRefSchema,
  type AdmitPayload,
  type AdmitResult,
  type AttemptReason,
  type AttemptRef,
  type AttemptView,
  type DoneResult,
  type EmptyPayload,
  type ExtendPayload,
  type HeartbeatPayload,
  type HeartbeatResult,
  type IncidentPayload,
  type IncidentResult,
  type KioskEventNotice,
  type KioskEventPayload,
  type MonitorSnapshot,
  type MovePayload,
  type RevokedNotice,
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
  'attempt:paper': Handler<EmptyPayload, CandidatePaper>;
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
  'proctor:force-submit': Handler<AttemptReason, AttemptView>;
  'proctor:void': Handler<AttemptReason, AttemptView>;
  'proctor:move': Handler<MovePayload, AttemptView>;
  'proctor:unlock': Handler<AttemptRef, AttemptView>;
  'proctor:incident': Handler<IncidentPayload, IncidentResult>;
  'marking:queue': Handler<MarkingQueuePayload, MarkingQueue>;
  'marking:submit': Handler<MarkingSubmitPayload, MarkingSubmitResult>;
}

export interface ServerToClientEvents {
  /** The server is shutting down gracefully; clients keep journaling and reconnect. */
  'system:shutdown': (notice: ShutdownNotice) => void;
  /** To the candidate: their attempt changed (admitted, started, paused, 补时, submitted…). */
  'attempt:changed': (attempt: AttemptView) => void;
  /** To the candidate: this login was replaced by a newer one or logged out; stop using it. */
  'attempt:revoked': (notice: RevokedNotice) => void;
  /** To staff: any attempt changed. */
  'monitor:attempt': (attempt: AttemptView) => void;
  /** To staff: a session changed. */
  'monitor:session': (session: SessionView) => void;
  /** To staff: a kiosk reported focus loss, a display change, a VM or a remote tool. */
  'monitor:kiosk-event': (notice: KioskEventNotice) => void;
}

/** Schemas of every client→server payload, keyed like `ClientToServerEvents`. */
export const clientPayloadSchemas = {
  'system:ping': PingPayloadSchema,
  'answer:save': AnswerEventSchema,
  'attempt:resync': AttemptResyncPayloadSchema,
  'attempt:state': EmptyPayloadSchema,
  'attempt:confirm-identity': EmptyPayloadSchema,
  'attempt:paper': EmptyPayloadSchema,
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
  'proctor:force-submit': AttemptReasonSchema,
  'proctor:void': AttemptReasonSchema,
  'proctor:move': MovePayloadSchema,
  'proctor:unlock': AttemptRefSchema,
  'proctor:incident': IncidentPayloadSchema,
  'marking:queue': MarkingQueuePayloadSchema,
  'marking:submit': MarkingSubmitPayloadSchema,
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
