import { z } from 'zod';
import { ackSchema, describeZodError, fail, unwrapAck, type Ack } from './ack';
import { serverPushes, socketContract } from './socket-events';
import type {
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ServerPush,
  ServerPushName,
} from './socket-events-types';

/*
 * The one typed way to call the proctor server over socket.io: the console, the kiosk's exam
 * agent, the test clients and the benchmark all use it. Shared has no socket.io dependency, so
 * the socket is taken structurally; socket.io-client's `Socket` fits.
 */

const ForeignRefusalSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
});

/** What a socket needs for a call: socket.io's `timeout(ms).emitWithAck(event, payload)`. */
export interface AckEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** Any socket.io socket; its typed `emitWithAck` cannot follow a generic event name. */
export function asAckEmitter(socket: { timeout(ms: number): unknown }): AckEmitter {
  return socket as unknown as AckEmitter;
}

/**
 * Checks a reply against the contract's ack schema of `event`. A reply of another shape becomes
 * a failed ack `INTERNAL` naming the event and what did not match; it never passes unchecked.
 * A reply that matches is passed on as sent (nothing stripped), typed by the event.
 */
export function checkAck<E extends ClientEventName>(
  event: E,
  reply: unknown,
): Ack<ClientAckData<E>> {
  // A refusal may carry a code this client does not know (a newer server); it stays a refusal
  // with the server's code and message, and unwrapAck / the kiosk's outbox decide what it means.
  if (ForeignRefusalSchema.safeParse(reply).success) return reply as Ack<ClientAckData<E>>;
  const parsed = ackSchema(socketContract[event].ack).safeParse(reply);
  if (!parsed.success) {
    return fail(
      'INTERNAL',
      `服务器对 ${event} 的回复不符合协议 (reply does not match the contract): ${describeZodError(parsed.error)}`,
    );
  }
  return reply as Ack<ClientAckData<E>>;
}

/**
 * Sends `event` and resolves with its checked ack. A timeout or a disconnect rejects with
 * socket.io's error, so each caller decides what no reply means (the kiosk's outbox retries,
 * the console reports UNAVAILABLE).
 */
export async function callSocket<E extends ClientEventName>(
  socket: AckEmitter,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number,
): Promise<Ack<ClientAckData<E>>> {
  return checkAck(event, await socket.timeout(timeoutMs).emitWithAck(event, payload));
}

/**
 * `callSocket`, then the ack's data; a failed ack throws a CodedError with the server's code.
 * `onNoReply` turns a timeout or disconnect into the caller's error (by default it is rethrown).
 */
export async function callSocketData<E extends ClientEventName>(
  socket: AckEmitter,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number,
  onNoReply: (error: unknown) => Error = (error) =>
    error instanceof Error ? error : new Error(String(error)),
): Promise<ClientAckData<E>> {
  let reply: Ack<ClientAckData<E>>;
  try {
    reply = await callSocket(socket, event, payload, timeoutMs);
  } catch (error) {
    throw onNoReply(error);
  }
  return unwrapAck(reply);
}

/** Checks a server push against its schema and returns it as sent; throws naming the push. */
export function checkPush<E extends ServerPushName>(event: E, payload: unknown): ServerPush<E> {
  const parsed = serverPushes[event].safeParse(payload);
  if (!parsed.success) {
    throw new Error(
      `推送 ${event} 不符合协议 (push does not match the contract): ${describeZodError(parsed.error)}`,
    );
  }
  return payload as ServerPush<E>;
}
