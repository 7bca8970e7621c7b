import type { z } from 'zod';
import { CodedError, ErrorCodeSchema } from './ack';
import {
  ipcContract,
  type DesktopApi,
  type IpcChannel,
  type IpcInput,
  type IpcOutput,
} from './ipc-contract';

/**
 * `window.desktop` built once over the contract, for both transports (Electron's preload and the
 * web shell's client). A transport only sends a call and hands back the host's reply as it came
 * off the wire; the builder turns it into the channel's output type by the channel's own schema,
 * so no transport casts what it received.
 */

/** A host reply as a transport receives it: the ack `dispatchIpc` built, its data not yet typed. */
export type WireReply =
  | { readonly ok: true; readonly data: unknown }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

export interface DesktopTransport {
  readonly transport: DesktopApi['transport'];
  /** Sends one call; resolves with the host's reply (a failed ack resolves, it does not reject). */
  send(channel: IpcChannel, input: unknown): Promise<WireReply>;
  subscribe: DesktopApi['subscribe'];
}

/** The contract seen per channel, so a channel's output schema keeps its channel's type. */
const outputSchemas: { readonly [K in IpcChannel]: { readonly output: z.ZodType<IpcOutput<K>> } } =
  ipcContract;

/**
 * The channel's output from a host reply. The host's `dispatchIpc` already parsed it with the same
 * schema, so this agrees with what the host sent; a reply that breaks the contract is INTERNAL,
 * as it is on the host.
 */
export function hostOutput<K extends IpcChannel>(channel: K, reply: WireReply): IpcOutput<K> {
  if (!reply.ok) {
    const code = ErrorCodeSchema.safeParse(reply.error.code);
    throw new CodedError(code.success ? code.data : 'INTERNAL', reply.error.message);
  }
  const output = outputSchemas[channel].output.safeParse(reply.data);
  if (!output.success) {
    throw new CodedError(
      'INTERNAL',
      `主机回复不符合接口约定（host reply breaks the contract: ${channel}）`,
    );
  }
  return output.data;
}

export function createDesktopApi(transport: DesktopTransport): DesktopApi {
  return {
    transport: transport.transport,
    async invoke<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
      return hostOutput(channel, await transport.send(channel, input));
    },
    subscribe: (listener) => transport.subscribe(listener),
  } satisfies DesktopApi;
}
