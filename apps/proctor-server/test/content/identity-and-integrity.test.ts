import { createHash } from 'node:crypto';
import type { AttemptMessage } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { TestClock } from '../support/clock';
import { seedSession } from '../support/exam-fixture';
import { okData, START } from '../support/running-session';
import { call, callRaw, startTestServer, waitFor, type TestServer } from '../support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('attempt:identity', () => {
  it('shows name, masked ID, photo, occupation, level, room, seat label and the scheduled start', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    server = await startTestServer({ now: clock.now });
    const { store } = server.components;
    const seeded = seedSession(store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
      manifest: { standard: { occupationCode: '6-31-01-03', version: '2018' }, level: 4 },
      session: { occupationName: '电工' },
    });
    const photoHash = sha(PNG);
    run(
      store.db,
      sql`INSERT INTO candidate_photos (hash, mime_type, bytes) VALUES (${photoHash}, 'image/png', ${PNG})`,
    );
    run(store.db, sql`UPDATE attempts SET photo_hash = ${photoHash}`);
    const c = seeded.candidates[0]!;
    const { client } = await server.candidateClient(c.admissionTicketNumber, c.examCode);
    const identity = okData(await call(client, 'attempt:identity', {}));
    expect(identity).toEqual({
      admissionNumber: 'T000001',
      name: '考生1',
      maskedIdNumber: expect.stringMatching(/^110105\*{8}\d{3}[\dX]$/) as unknown as string,
      occupation: { code: '6-31-01-03', name: '电工' },
      level: { code: '4', name: '四级/中级工' },
      room: '第1考场',
      seat: '001',
      scheduledStartAt: START,
      photo: { mimeType: 'image/png', dataBase64: PNG.toString('base64') },
    });
  });
});

describe('client integrity at login', () => {
  const good = sha('kiosk build 1');
  const login = (s: TestServer, ticket: string, code: string, clientIntegrity?: string) =>
    s.post(
      '/api/auth/candidate-login',
      s.kioskLogin(ticket, code, clientIntegrity === undefined ? {} : { clientIntegrity }),
    );

  it('refuses a missing or unlisted build when builds are listed, records it on login', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    server = await startTestServer({
      now: clock.now,
      settings: { requiredClientIntegrity: [good] },
    });
    const [c] = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
    }).candidates;
    for (const sent of [undefined, sha('tampered build')]) {
      const res = await login(server, c!.admissionTicketNumber, c!.examCode, sent);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        ok: false,
        error: {
          code: 'CLIENT_REJECTED',
          message: '客户端校验失败 (client integrity check failed)',
        },
      });
    }
    expect((await login(server, c!.admissionTicketNumber, c!.examCode, 'NOT-HEX')).status).toBe(
      400,
    );
    const accepted = await login(server, c!.admissionTicketNumber, c!.examCode, good);
    expect(accepted.status).toBe(200);
    const events = server.components.store.db
      .prepare(
        "SELECT action, payload_json FROM audit_log WHERE action LIKE 'candidate.%' ORDER BY seq",
      )
      .all() as { action: string; payload_json: string }[];
    expect(events.map((e) => e.action)).toEqual([
      'candidate.client-rejected',
      'candidate.client-rejected',
      'candidate.login',
    ]);
    expect(JSON.parse(events[2]!.payload_json)).toMatchObject({ clientIntegrity: good });
  });

  it('accepts any client when no builds are listed (the default)', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    server = await startTestServer({ now: clock.now });
    const [c] = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
    }).candidates;
    expect((await login(server, c!.admissionTicketNumber, c!.examCode)).status).toBe(200);
  });
});

describe('proctor:message', () => {
  it('reaches one candidate or every logged-in candidate; candidates may not send', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    server = await startTestServer({ now: clock.now });
    const seeded = seedSession(server.components.store, {
      count: 3,
      scheduledStart: START,
      now: clock.now(),
    });
    const proctor = await server.staffClient('proctor', 'zhang');
    server.assignProctors(seeded.sessionId, ['zhang']);
    const [a, b] = [
      await server.candidateClient(
        seeded.candidates[0]!.admissionTicketNumber,
        seeded.candidates[0]!.examCode,
      ),
      await server.candidateClient(
        seeded.candidates[1]!.admissionTicketNumber,
        seeded.candidates[1]!.examCode,
      ),
    ];
    const toA = waitFor<AttemptMessage>(a.client, 'attempt:message');
    expect(
      okData(
        await call(proctor, 'proctor:message', {
          sessionId: seeded.sessionId,
          attemptId: a.attemptId,
          text: '请坐正，保持安静',
        }),
      ),
    ).toEqual({ recipients: 1, at: clock.now() });
    expect(await toA).toEqual({ text: '请坐正，保持安静', from: 'zhang', at: clock.now() });

    const allA = waitFor<AttemptMessage>(a.client, 'attempt:message');
    const allB = waitFor<AttemptMessage>(b.client, 'attempt:message');
    // the third candidate has not logged in: two recipients
    expect(
      okData(
        await call(proctor, 'proctor:message', { sessionId: seeded.sessionId, text: '还有十分钟' }),
      ),
    ).toMatchObject({ recipients: 2 });
    expect((await allA).text).toBe('还有十分钟');
    expect((await allB).text).toBe('还有十分钟');

    expect(
      await call(a.client, 'proctor:message', { sessionId: seeded.sessionId, text: 'hi' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(proctor, 'proctor:message', { sessionId: seeded.sessionId, text: '   ' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // a session the proctor is not assigned to (docs/decisions/0221); for an admin it is unknown
    expect(
      await call(proctor, 'proctor:message', {
        sessionId: 'other',
        attemptId: a.attemptId,
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await server.staffClient('admin');
    expect(
      await call(admin, 'proctor:message', {
        sessionId: 'other',
        attemptId: a.attemptId,
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // bad payloads get typed errors and change nothing
    for (const [client, event, payload] of [
      [a.client, 'attempt:sealed-paper', { extra: 1 }],
      [a.client, 'attempt:identity', 'x'],
      [a.client, 'attempt:content-key', { key: 'give' }],
      [proctor, 'proctor:message', { sessionId: seeded.sessionId, text: 'x'.repeat(70_000) }],
      [proctor, 'proctor:message', { sessionId: seeded.sessionId, text: 'x'.repeat(501) }],
      [proctor, 'room:set-layout', { sessionId: seeded.sessionId, roomId: 'room-1' }],
    ] as const) {
      expect(await callRaw(client, event, payload)).toMatchObject({
        ok: false,
        error: { code: expect.stringMatching(/^(BAD_REQUEST|FORBIDDEN)$/) as unknown as string },
      });
    }
    const audited = server.components.store.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'proctor.message'")
      .get();
    expect(audited).toEqual({ n: 2 });
  });
});
