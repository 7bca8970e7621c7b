import { afterEach, describe, expect, it } from 'vitest';
import type { ShutdownNotice } from '@skillexam/shared';
import { call, callRaw, startTestServer, waitFor, type TestServer } from './support/util';

let server: TestServer | undefined;

afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

describe('proctor server over real HTTP and socket.io on port 0', () => {
  it('answers the health endpoint with version and connection count', async () => {
    server = await startTestServer({ version: '9.9.9' });
    await server.createClient();
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { ok: boolean; data: Record<string, unknown> };
    expect(body.ok).toBe(true);
    expect(body.data).toMatchObject({ status: 'ok', version: '9.9.9', connections: 1 });
  });

  it('returns 404 and 405 envelopes for unknown routes and methods', async () => {
    server = await startTestServer();
    const missing = await fetch(`${server.url}/api/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const wrongMethod = await fetch(`${server.url}/api/health`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
  });

  it('acks system:ping with the server clock', async () => {
    let clock = 1_000;
    server = await startTestServer({ now: () => (clock += 1) });
    const client = await server.createClient();
    const reply = await call(client, 'system:ping', { sentAt: 42 });
    expect(reply).toEqual({
      ok: true,
      data: { sentAt: 42, serverTime: expect.any(Number), serverVersion: 'test' },
    });
    if (reply.ok) expect(reply.data.serverTime).toBeGreaterThan(1_000);
  });

  it('rejects a bad payload with a specific error and keeps the connection usable', async () => {
    server = await startTestServer();
    const client = await server.createClient();
    const bad = await callRaw(client, 'system:ping', { sentAt: 'yesterday' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(bad)).toContain('sentAt');
    const extraArgs = await callRaw(client, 'system:ping', { sentAt: 1 }, 'more');
    expect(extraArgs).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // An event without an ack callback is ignored, not fatal.
    (client as unknown as { emit(event: string, payload: unknown): void }).emit('system:ping', {
      sentAt: 1,
    });
    const good = await call(client, 'system:ping', { sentAt: 7 });
    expect(good.ok).toBe(true);
    expect(client.connected).toBe(true);
  });

  it('tells connected clients when it shuts down', async () => {
    server = await startTestServer();
    const a = await server.createClient();
    const b = await server.createClient();
    const noticeA = waitFor<ShutdownNotice>(a, 'system:shutdown');
    const noticeB = waitFor<ShutdownNotice>(b, 'system:shutdown');
    const closing = server.app.close('maintenance');
    expect(await noticeA).toMatchObject({ reason: 'maintenance' });
    expect(await noticeB).toMatchObject({ reason: 'maintenance' });
    await closing;
    server = undefined;
  });
});
