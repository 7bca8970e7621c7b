import { afterEach, describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { runningSession, type RunningSession } from '../support/running-session';

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
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
});
