import { fail, ok, toFailedAck, describeZodError, type Ack } from './ack';
import {
  ipcContract,
  isChannelAllowed,
  isIpcChannel,
  type CallContext,
  type IpcChannel,
  type IpcInvokeMap,
  type WindowKind,
} from './ipc-contract';

/**
 * Validates a bridge call and runs the host handler. Shared by Electron's ipcMain wiring
 * and the web shell, so both transports behave identically: bad input changes nothing and
 * gets `{ ok: false, error: { code: 'BAD_REQUEST', … } }`.
 */
export async function dispatchIpc(
  handlers: IpcInvokeMap,
  kind: WindowKind,
  channel: unknown,
  rawInput: unknown,
): Promise<Ack<unknown>> {
  if (!isIpcChannel(channel)) return fail('NOT_FOUND', `Unknown channel: ${String(channel)}`);
  if (!isChannelAllowed(kind, channel)) {
    return fail('FORBIDDEN', `Channel ${channel} is not available to the ${kind} window`);
  }
  const parsed = ipcContract[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) return fail('BAD_REQUEST', describeZodError(parsed.error));
  try {
    const handler = handlers[channel] as (input: unknown, context: CallContext) => Promise<unknown>;
    const output = ipcContract[channel as IpcChannel].output.safeParse(
      await handler(parsed.data, { windowKind: kind }),
    );
    // A host reply that breaks the contract is our bug, not the caller's: report INTERNAL.
    return output.success ? ok(output.data) : fail('INTERNAL', 'Internal error');
  } catch (error) {
    return toFailedAck(error);
  }
}
