import { afterEach, describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { PNG, scheduledSite } from '../candidate-admin/candidate-admin-support';
import { runningSession, type RunningSession } from '../support/running-session';
import type { TestServer } from '../support/util';

let room: RunningSession | undefined;
let server: TestServer | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  await server?.closeAll();
  room = undefined;
  server = undefined;
});

describe('GET /api/console/photo', () => {
  it('gives staff the roster photo of a candidate, nobody else', async () => {
    room = await runningSession(2);
    const { server, candidates } = room;
    const [c1, c2] = candidates;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    run(
      server.components.store.db,
      sql`INSERT INTO candidate_photos (hash, mime_type, bytes) VALUES ('h1', 'image/png', ${png})`,
    );
    run(
      server.components.store.db,
      sql`UPDATE attempts SET photo_hash = 'h1' WHERE id = ${c1!.attemptId}`,
    );
    await server.staffClient('supervisor', 'dudao');
    const login = await server.post('/api/auth/staff-login', {
      username: 'dudao',
      password: '密码-dudao-long-enough',
    });
    const { token } = login.body.data as { token: string };
    const url = (attemptId: string) => `${server.url}/api/console/photo?attemptId=${attemptId}`;
    const auth = { headers: { authorization: `Bearer ${token}` } };

    const res = await fetch(url(c1!.attemptId), auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
    expect((await fetch(url(c2!.attemptId), auth)).status).toBe(404);
    expect((await fetch(url(c1!.attemptId))).status).toBe(401);
    // a candidate's own token is not a staff token
    const candidateAuth = { headers: { authorization: `Bearer ${c1!.token}` } };
    expect((await fetch(url(c1!.attemptId), candidateAuth)).status).toBe(401);
  });

  it('still shows a withdrawn candidate, to the staff who may see the session only', async () => {
    const site = await scheduledSite(2);
    server = site.server;
    const [first] = site.seeded.candidates;
    const { db } = site.server.components.store;
    run(
      db,
      sql`INSERT INTO candidate_photos (hash, mime_type, bytes) VALUES ('h2', 'image/png', ${PNG})`,
    );
    run(db, sql`UPDATE attempts SET photo_hash = 'h2' WHERE id = ${first!.attemptId}`);
    const withdrawn = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: site.seeded.sessionId,
      attemptId: first!.attemptId,
      reason: '考生申请取消报名',
    });
    expect(withdrawn.status).toBe(200);
    expect(site.count('SELECT count(*) AS n FROM candidate_withdrawals')).toBe(1);

    const photo = (token: string) =>
      fetch(`${site.server.url}/api/console/photo?attemptId=${first!.attemptId}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const shown = await photo(await site.server.staffToken('admin', 'admin2'));
    expect(shown.status).toBe(200);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PNG);
    // a proctor of no session of theirs: the withdrawal does not take the photo out of scope
    expect((await photo(await site.server.staffToken('proctor', 'stranger'))).status).toBe(403);
  });
});
