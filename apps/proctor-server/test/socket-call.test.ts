import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asAckEmitter, callSocket, callSocketData, CodedError } from '@skillexam/shared';
import { Server } from 'socket.io';
import { io as ioc, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The shared typed caller (packages/shared/src/protocol/socket-call.ts) over a real socket.io
 * connection to a bare server that answers off-contract: a reply of the wrong shape becomes a
 * failed INTERNAL ack, a missing reply rejects (each caller decides what that means).
 */

let io: Server;
let client: Socket;

beforeAll(async () => {
  const http = createServer();
  io = new Server(http);
  io.on('connection', (socket) => {
    socket.on('answer:save', (_payload: unknown, ack: (reply: unknown) => void) =>
      ack({ ok: true, data: { ackedSeq: 'all of them' } }),
    );
    socket.on('system:ping', (payload: { sentAt: number }, ack: (reply: unknown) => void) =>
      ack({ ok: true, data: { sentAt: payload.sentAt, serverTime: 5, serverVersion: 'bare' } }),
    );
    socket.on('attempt:submit', (_payload: unknown, ack: (reply: unknown) => void) =>
      ack({ ok: false, error: { code: 'CONFLICT', message: '已交卷 (already submitted)' } }),
    );
    // 'attempt:state' is never answered
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  client = ioc(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
});

afterAll(async () => {
  client.close();
  await io.close();
});

const answer = {
  attemptId: 'a1',
  seq: 1,
  itemId: 'tf1',
  value: { kind: 'true_false' as const, value: true },
  clientTime: '2026-11-21T01:00:00.000Z',
};

describe('callSocket over a real socket.io connection', () => {
  it('passes a reply of the contract shape on, and a failed ack with its code', async () => {
    expect(await callSocket(asAckEmitter(client), 'system:ping', { sentAt: 3 }, 2000)).toEqual({
      ok: true,
      data: { sentAt: 3, serverTime: 5, serverVersion: 'bare' },
    });
    await expect(callSocketData(asAckEmitter(client), 'attempt:submit', {}, 2000)).rejects.toEqual(
      new CodedError('CONFLICT', '已交卷 (already submitted)'),
    );
  });

  it('turns a reply of the wrong shape into a failed INTERNAL ack naming the field', async () => {
    const reply = await callSocket(asAckEmitter(client), 'answer:save', answer, 2000);
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(reply.ok ? '' : reply.error.message).toMatch(/answer:save.*不符合协议.*ackedSeq/);
    const thrown = await callSocketData(asAckEmitter(client), 'answer:save', answer, 2000).catch(
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(CodedError);
    expect((thrown as CodedError).code).toBe('INTERNAL');
  });

  it('rejects when no reply comes in time, or maps it with onNoReply', async () => {
    await expect(callSocket(asAckEmitter(client), 'attempt:state', {}, 100)).rejects.toThrow(
      /timed out/,
    );
    await expect(
      callSocketData(
        asAckEmitter(client),
        'attempt:state',
        {},
        100,
        () => new CodedError('UNAVAILABLE', '服务器无响应'),
      ),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', message: '服务器无响应' });
  });
});
