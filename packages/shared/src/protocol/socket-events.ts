import { z } from 'zod';
import type { Ack } from './ack';
import { AnswerEventSchema, type AnswerEvent, type AnswerSaveResult } from './answer';

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

export interface ClientToServerEvents {
  'system:ping': (payload: PingPayload, ack: (result: Ack<PingResult>) => void) => void;
  'answer:save': (payload: AnswerEvent, ack: (result: Ack<AnswerSaveResult>) => void) => void;
}

export interface ServerToClientEvents {
  /** The server is shutting down gracefully; clients keep journaling and reconnect. */
  'system:shutdown': (notice: ShutdownNotice) => void;
}

/** Schemas of every client→server payload, keyed like `ClientToServerEvents`. */
export const clientPayloadSchemas = {
  'system:ping': PingPayloadSchema,
  'answer:save': AnswerEventSchema,
} as const satisfies Record<keyof ClientToServerEvents, z.ZodType>;

export type ClientEventName = keyof ClientToServerEvents;
