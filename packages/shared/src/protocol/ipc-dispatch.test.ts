import { describe, expect, it } from 'vitest';
import { CodedError } from './ack';
import { bankChannels } from './bank-channels';
import type { IpcInvokeMap } from './ipc-contract';
import { isChannelAllowed } from './ipc-contract';
import { dispatchIpc } from './ipc-dispatch';

const info = {
  product: 'p',
  version: '1',
  runtime: 'node' as const,
  windowKind: 'author' as const,
  nodeVersion: 'v20',
  platform: 'linux',
  pid: 1,
  startedAt: '2026-01-01T00:00:00.000Z',
};

/** Channels a test does not exercise answer NOT_FOUND, as an unimplemented host would. */
const unused = async (): Promise<never> => {
  throw new CodedError('NOT_FOUND', 'not in this test');
};

function handlers(overrides: Partial<IpcInvokeMap> = {}): IpcInvokeMap {
  return {
    'exam:login': unused,
    'exam:status': unused,
    'exam:confirm-identity': unused,
    'exam:resume': unused,
    'exam:answer': unused,
    'exam:position': unused,
    'exam:flag': unused,
    'exam:submit': unused,
    'exam:identity': unused,
    'exam:discover-servers': unused,
    'exam:exit': unused,
    ...(Object.fromEntries(
      Object.keys(bankChannels).map((channel) => [channel, unused]),
    ) as unknown as Pick<IpcInvokeMap, keyof typeof bankChannels>),
    'app:get-info': async () => info,
    'app:echo': async ({ message }) => ({ message, receivedAt: '2026-01-01T00:00:00.000Z' }),
    'exam:practice-paper': async () => ({
      paperId: 'p',
      title: '练习',
      durationMinutes: 10,
      fullMarks: 100,
      sections: [],
    }),
    ...overrides,
  };
}

describe('dispatchIpc', () => {
  it('runs the handler with validated input and wraps the reply', async () => {
    expect(await dispatchIpc(handlers(), 'author', 'app:echo', { message: '你好' })).toEqual({
      ok: true,
      data: { message: '你好', receivedAt: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('rejects unknown channels, missing fields and extra fields without calling the handler', async () => {
    let calls = 0;
    const h = handlers({
      'app:echo': async ({ message }) => {
        calls += 1;
        return { message, receivedAt: '2026-01-01T00:00:00.000Z' };
      },
    });
    expect(await dispatchIpc(h, 'author', 'fs:readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const missing = await dispatchIpc(h, 'author', 'app:echo', {});
    expect(missing).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(missing)).toContain('message');
    expect(await dispatchIpc(h, 'author', 'app:echo', { message: 'x', evil: 1 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(calls).toBe(0);
  });

  it('tells the handler which window called, from the transport, not the page', async () => {
    const seen: string[] = [];
    const h = handlers({
      'app:get-info': async (_input, context) => {
        seen.push(context.windowKind);
        return { ...info, windowKind: context.windowKind };
      },
    });
    await dispatchIpc(h, 'kiosk', 'app:get-info', { windowKind: 'author' });
    expect(seen).toEqual([]); // extra input fields are refused before the handler runs
    expect(await dispatchIpc(h, 'kiosk', 'app:get-info', {})).toMatchObject({
      ok: true,
      data: { windowKind: 'kiosk' },
    });
    expect(seen).toEqual(['kiosk']);
    expect(await dispatchIpc(h, 'author', 'exam:practice-paper', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('passes coded errors through and hides everything else', async () => {
    const coded = handlers({
      'app:get-info': async () => {
        throw new CodedError('CONFLICT', 'already open');
      },
    });
    expect(await dispatchIpc(coded, 'kiosk', 'app:get-info', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'already open' },
    });
    const crash = handlers({
      'app:get-info': async () => {
        throw new Error('SQLITE_CORRUPT at /secret/path');
      },
    });
    expect(await dispatchIpc(crash, 'kiosk', 'app:get-info', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error' },
    });
  });

  it('reports a host reply that breaks the contract as INTERNAL', async () => {
    const broken = handlers({ 'app:get-info': async () => ({ ...info, pid: 'x' }) as never });
    expect(await dispatchIpc(broken, 'author', 'app:get-info', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});

describe('isChannelAllowed', () => {
  it('gives each window only its own channels', () => {
    expect(isChannelAllowed('author', 'app:get-info')).toBe(true);
    expect(isChannelAllowed('kiosk', 'app:get-info')).toBe(true);
    expect(isChannelAllowed('kiosk', 'bank:save-item')).toBe(false);
    expect(isChannelAllowed('author', '__proto__')).toBe(false);
    expect(isChannelAllowed('author', 'constructor')).toBe(false);
  });
});
