import {
  clientPayloadSchemas,
  describeZodError,
  fail,
  toFailedAck,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import type { Socket } from 'socket.io';
import type { Logger } from 'pino';

export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

type PayloadOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[0];
type AckDataOf<E extends ClientEventName> = Parameters<ClientToServerEvents[E]>[1] extends (
  result: Ack<infer T>,
) => void
  ? T
  : never;

/**
 * Registers a handler that only ever sees a payload that passed its zod schema.
 * A bad payload, a handler error or a missing ack callback never crashes the server;
 * the client always gets `{ ok: false, error: { code, message } }`.
 */
export function onValidated<E extends ClientEventName>(
  socket: AppSocket,
  event: E,
  logger: Logger,
  handler: (payload: PayloadOf<E>) => Promise<AckDataOf<E>> | AckDataOf<E>,
): void {
  const schema = clientPayloadSchemas[event];
  const listener = async (...args: unknown[]): Promise<void> => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      logger.warn({ event, socketId: socket.id }, 'event without ack callback ignored');
      return;
    }
    const reply = ack as (result: Ack<unknown>) => void;
    if (args.length !== 2) {
      reply(fail('BAD_REQUEST', `${event} takes exactly one payload`));
      return;
    }
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) {
      reply(fail('BAD_REQUEST', describeZodError(parsed.error)));
      return;
    }
    try {
      reply({ ok: true, data: await handler(parsed.data as PayloadOf<E>) });
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
