import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsPushReply } from '@skillexam/shared';
import { endedSession, type EndedSession } from '../test/jobs/ended-session';
import { auditRows } from '../test/results-push/audit-rows';
import { exportPackage, resultsClient } from '../test/results-push/results-client';
import { seedSession } from '../test/support/exam-fixture';
import { START } from '../test/support/running-session';

/*
 * 上报评价中心 sends the site's results to an address an admin types (docs/decisions/0991):
 * only the exam admin may push, verify or renew; only http(s) addresses are contacted, with no
 * redirect followed; a "centre" that answers with 50 MB or never answers costs the server a
 * capped read and a timeout, not its memory or its other requests; an answer not in the centre's
 * shape is a refusal, never a receipt kept in the site's chain; a session that has not ended is
 * never pushed.
 */

const TIMEOUT_MS = 1_500;
let room: EndedSession;
let admin: ReturnType<typeof resultsClient>;
const fakes: Server[] = [];

async function fakeCentre(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  fakes.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  room = await endedSession(1, { settings: { centrePushTimeoutMs: TIMEOUT_MS } });
  const token = await room.server.staffToken('admin', 'admin1');
  admin = resultsClient(room.server.url, token);
  await exportPackage(room.server.url, token, room.seeded.sessionId);
}, 60_000);
afterAll(async () => {
  for (const server of fakes) server.closeAllConnections();
  await Promise.all(fakes.map((s) => new Promise((resolve) => s.close(resolve))));
  await room.server.closeAll();
});

const push = (centreUrl: string) =>
  admin.json<ResultsPushReply>('POST', '/api/results/push', {
    sessionId: room.seeded.sessionId,
    centreUrl,
  });

describe('results push, verify and the site certificate', () => {
  it('are refused to proctors, supervisors and anyone without a token; nothing audited', async () => {
    let hits = 0;
    const centre = await fakeCentre((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    for (const token of [
      await room.server.staffToken('proctor'),
      await room.server.staffToken('supervisor'),
      'not-a-token',
    ]) {
      const api = resultsClient(room.server.url, token);
      const replies = [
        await api.json('POST', '/api/results/push', {
          sessionId: room.seeded.sessionId,
          centreUrl: centre,
        }),
        await api.json('GET', '/api/results/centre'),
        await api.raw('/api/results/verify', Buffer.from('{}')),
        await api.json('GET', '/api/tls'),
        await api.json('POST', '/api/tls/renew', { reason: '试探' }),
      ];
      for (const reply of replies) expect([401, 403]).toContain(reply.status);
    }
    expect(hits).toBe(0);
    expect(auditRows(room.server.components.store, 'results.pushed')).toEqual([]);
    expect(auditRows(room.server.components.store, 'tls.renewed')).toEqual([]);
  });

  it('contacts http(s) addresses only and follows no redirect', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://centre.example.cn',
      'javascript:alert(1)',
      'data:text/plain,x',
      'gopher://127.0.0.1:70',
    ]) {
      const reply = await push(url);
      expect(reply, url).toMatchObject({ status: 400, error: { code: 'BAD_REQUEST' } });
    }
    const withPassword = await push('http://user:secret@127.0.0.1:9');
    expect(withPassword.status).toBe(400);
    let elsewhere = 0;
    const other = await fakeCentre((_req, res) => {
      elsewhere += 1;
      res.end('{"ok":true,"data":{}}');
    });
    const redirecting = await fakeCentre((_req, res) => {
      res.writeHead(307, { location: `${other}/api/site-push/packages` }).end();
    });
    const reply = await push(redirecting);
    expect(reply.data?.verdict).toMatchObject({ ok: false, status: 307 });
    expect(elsewhere).toBe(0);
  });

  it('a 50 MB reply is cut at the cap; the server keeps answering', async () => {
    let written = 0;
    const huge = await fakeCentre((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const more = (): void => {
        while (written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      more();
    });
    const reply = await push(huge);
    expect(reply.data?.verdict).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    expect(reply.data?.verdict.error?.message).toMatch(/超过 65536 字节/);
    // the proctor server stopped reading: far less than 50 MB ever left the fake centre
    expect(written).toBeLessThan(20 * 1024 * 1024);
    expect((await fetch(`${room.server.url}/api/health`)).status).toBe(200);
  }, 30_000);

  it("an answer in the wrong shape is not taken as the centre's receipt, nor kept", async () => {
    const forged = await fakeCentre((req, res) => {
      req.resume();
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          data: {
            status: 'ingested',
            packageId: 'p',
            sha256: 'not-a-hash',
            site: { name: 'x' },
            candidates: 1,
            chainHead: { seq: 1, hash: '0'.repeat(64) },
            centreReceipt: { seq: 1, hash: '<script>' },
          },
        }),
      );
    });
    const before = auditRows(room.server.components.store, 'results.pushed').length;
    const reply = await push(forged);
    expect(reply.data?.verdict).toMatchObject({ ok: false, error: { code: 'BAD_RESPONSE' } });
    const pushed = auditRows(room.server.components.store, 'results.pushed');
    expect(pushed).toHaveLength(before + 1);
    expect(pushed.at(-1)?.payload).toMatchObject({ verdict: 'refused', code: 'BAD_RESPONSE' });
    expect(pushed.at(-1)?.payload).not.toHaveProperty('centreReceipt');
  });

  it('a centre that never answers times out while the server serves others', async () => {
    const silent = await fakeCentre((req) => {
      req.resume(); // reads the package, never answers
    });
    const pending = push(silent);
    const health = await fetch(`${room.server.url}/api/health`);
    expect(health.status).toBe(200);
    const reply = await pending;
    expect(reply.data?.verdict).toMatchObject({
      ok: false,
      status: 0,
      error: { code: 'UNREACHABLE' },
    });
    expect(reply.data?.verdict.error?.message).toMatch(/没有回应/);
    const audited = auditRows(room.server.components.store, 'results.pushed').at(-1);
    expect(audited?.payload).toMatchObject({
      centreUrl: silent,
      verdict: 'refused',
      code: 'UNREACHABLE',
    });
  }, 30_000);

  it('a session that has not ended is never pushed', async () => {
    let hits = 0;
    const centre = await fakeCentre((_req, res) => {
      hits += 1;
      res.end('{}');
    });
    const scheduled = seedSession(room.server.components.store, {
      count: 1,
      scheduledStart: START + 86_400_000,
      sessionId: 'not-ended',
      examId: 'exam-not-ended',
    });
    const reply = await admin.json('POST', '/api/results/push', {
      sessionId: scheduled.sessionId,
      centreUrl: centre,
    });
    expect(reply).toMatchObject({ status: 409, error: { code: 'CONFLICT' } });
    expect(reply.error?.message).toMatch(/尚未结束/);
    const unknown = await admin.json('POST', '/api/results/push', {
      sessionId: 'no-such-session',
      centreUrl: centre,
    });
    expect(unknown.status).toBe(404);
    expect(hits).toBe(0);
  });
});
