import {
  describeZodError,
  fail,
  socketContract,
  toFailedAck,
  type Ack,
  type AppError,
  type ClientAckData,
  type ClientEventName,
  type ClientToServerEvents,
  type ParsedClientPayload,
  type ServerToClientEvents,
} from '@skillexam/shared';
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * Registers a handler that only ever sees a payload that passed its schema in the socket contract.
 * A bad payload, a handler error or a missing ack callback never crashes the server;
 * the client always gets `{ ok: false, error: { code, message } }`.
 */
export interface ValidationGuards {
  /** Checked before the payload is parsed: a role or token problem, or undefined to go on. */
  readonly authorize?: () => AppError | undefined;
  /** Payloads larger than this (bytes of JSON) are refused before parsing. */
  readonly maxPayloadBytes?: number;
}

export function onValidated<E extends ClientEventName>(
  socket: AppSocket,
  event: E,
  logger: Logger,
  handler: (payload: ParsedClientPayload<E>) => Promise<ClientAckData<E>> | ClientAckData<E>,
  guards: ValidationGuards = {},
): void {
  const schema = socketContract[event].payload;
  const listener = async (...args: unknown[]): Promise<void> => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      logger.warn({ event, socketId: socket.id }, 'event without ack callback ignored');
      return;
    }
    const reply = ack as (result: Ack<unknown>) => void;
    const denied = guards.authorize?.();
    if (denied !== undefined) {
      reply({ ok: false, error: denied });
      return;
    }
    if (args.length !== 2) {
      reply(fail('BAD_REQUEST', `${event} takes exactly one payload`));
      return;
    }
    if (guards.maxPayloadBytes !== undefined) {
      const size = Buffer.byteLength(JSON.stringify(args[0]) ?? '', 'utf8');
      if (size > guards.maxPayloadBytes) {
        reply(
          fail(
            'BAD_REQUEST',
            `消息过大: ${size} 字节，上限 ${guards.maxPayloadBytes} 字节 (payload too large)`,
          ),
        );
        return;
      }
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      reply(fail('BAD_REQUEST', describeZodError(parsed.error)));
      return;
    }
    try {
      reply({ ok: true, data: await handler(parsed.data as ParsedClientPayload<E>) });
    } catch (error) {
      const failed = toFailedAck(error);
      if (failed.error.code === 'INTERNAL') logger.error({ err: error, event }, 'handler failed');
      reply(failed);
    }
  };
  // socket.io's typed `on` cannot express "validated at runtime"; the listener checks everything.
  (socket as unknown as { on(event: string, fn: (...args: unknown[]) => void): void }).on(
    event,
    (...args) => void listener(...args),
  );
}
