import type { z } from 'zod';
import type { Ack } from './ack';
import type { serverPushes, socketContract } from './socket-events';

/*
 * The types of the socket contract (socket-events.ts), derived from its schemas so a new event is
 * declared in one place. socket.io's generics take `ClientToServerEvents` / `ServerToClientEvents`.
 */

type SocketContract = typeof socketContract;
type ServerPushes = typeof serverPushes;

export type ClientEventName = keyof SocketContract;

/** The payload a client sends with event `E` (before the server's schema fills defaults). */
export type ClientPayload<E extends ClientEventName> = z.input<SocketContract[E]['payload']>;

/** The payload a server handler of `E` receives: parsed by the schema, defaults filled. */
export type ParsedClientPayload<E extends ClientEventName> = z.output<SocketContract[E]['payload']>;

/** The data of a successful ack of event `E`. */
export type ClientAckData<E extends ClientEventName> = z.output<SocketContract[E]['ack']>;

export type ClientToServerEvents = {
  [E in ClientEventName]: (
    payload: ClientPayload<E>,
    ack: (result: Ack<ClientAckData<E>>) => void,
  ) => void;
};

export type ServerPushName = keyof ServerPushes;

/** What the server pushes with event `E`. */
export type ServerPush<E extends ServerPushName> = z.output<ServerPushes[E]>;

export type ServerToClientEvents = {
  [E in ServerPushName]: (payload: ServerPush<E>) => void;
};
