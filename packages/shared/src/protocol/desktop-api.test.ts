import { describe, expect, expectTypeOf, it } from 'vitest';
import { CodedError } from './ack';
import { createDesktopApi, type DesktopTransport, type WireReply } from './desktop-api';
import type { HostEvent } from './ipc-contract';

function apiReplying(reply: WireReply, sent: unknown[] = []) {
  const transport: DesktopTransport = {
    transport: 'web-socket',
    send: async (channel, input) => {
      sent.push({ channel, input });
      return reply;
    },
    subscribe: () => () => undefined,
  };
  return createDesktopApi(transport);
}

describe('createDesktopApi', () => {
  it('sends the call and returns the host output typed by channel', async () => {
    const sent: unknown[] = [];
    const data = { message: '你好', receivedAt: '2026-01-01T00:00:00.000Z' };
    const api = apiReplying({ ok: true, data }, sent);
    const output = await api.invoke('app:echo', { message: '你好' });
    expectTypeOf(output).toEqualTypeOf<{ message: string; receivedAt: string }>();
    expect(output).toEqual(data);
    expect(sent).toEqual([{ channel: 'app:echo', input: { message: '你好' } }]);
    expect(api.transport).toBe('web-socket');
  });

  it('throws a failed ack as a CodedError with its code; an unknown code is INTERNAL', async () => {
    const refused = apiReplying({ ok: false, error: { code: 'FORBIDDEN', message: '无权限' } });
    await expect(refused.invoke('bank:session', {})).rejects.toEqual(
      new CodedError('FORBIDDEN', '无权限'),
    );
    const odd = apiReplying({ ok: false, error: { code: 'WHATEVER', message: 'x' } });
    await expect(odd.invoke('bank:session', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('a reply that breaks the channel contract is INTERNAL, not passed to the page', async () => {
    const api = apiReplying({ ok: true, data: { seq: 'not a number' } });
    await expect(
      api.invoke('exam:answer', {
        itemId: 'i1',
        value: { kind: 'true_false', value: true },
      }),
    ).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('exam:answer'),
    });
  });

  it('passes subscriptions through to the transport', () => {
    const listeners: ((event: HostEvent) => void)[] = [];
    const api = createDesktopApi({
      transport: 'electron-ipc',
      send: async () => ({ ok: true, data: {} }),
      subscribe: (listener) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    });
    const seen: HostEvent[] = [];
    const stop = api.subscribe((event) => seen.push(event));
    listeners.forEach((listener) => listener({ type: 'kiosk:exit-requested' }));
    stop();
    expect(seen).toEqual([{ type: 'kiosk:exit-requested' }]);
    expect(listeners).toEqual([]);
  });
});
