import { afterEach, describe, expect, it } from 'vitest';
import { trustSigningKey } from '../src/exams/package-keys';
import { idNumber } from './support/exam-fixture';
import { buildPackage } from './support/exam-package';
import { pdfText } from './pdf/pdf-tools';
import { START } from './support/running-session';
import { TestClock } from './support/clock';
import { storedZip } from './support/stored-zip';
import { startTestServer, type TestServer } from './support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

function api(s: TestServer, token: string | undefined) {
  const headers = (extra: Record<string, string>) => ({
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    ...extra,
  });
  const json = async (res: Response): Promise<Reply> => ({
    status: res.status,
    body: (await res.json()) as Reply['body'],
  });
  return {
    get: async (path: string) => json(await fetch(`${s.url}${path}`, { headers: headers({}) })),
    post: async (path: string, body: unknown) =>
      json(
        await fetch(`${s.url}${path}`, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(body),
        }),
      ),
    upload: (path: string, bytes: Uint8Array, type = 'application/octet-stream') =>
      fetch(`${s.url}${path}`, {
        method: 'POST',
        headers: headers({ 'content-type': type }),
        body: Buffer.from(bytes),
      }),
    json,
  };
}

describe('HTTP setup endpoints', () => {
  it('import a package, create a session, import a roster with photos, print slips', async () => {
    const clock = new TestClock(START - 3 * 3_600_000);
    server = await startTestServer({ now: clock.now });
    const { store } = server.components;
    const admin = api(server, await server.staffToken('admin'));
    const proctor = api(server, await server.staffToken('proctor'));
    const anonymous = api(server, undefined);

    // roles and tokens
    expect((await anonymous.get('/api/sessions')).status).toBe(401);
    expect((await api(server, 'forged-token').get('/api/exams')).status).toBe(401);
    expect((await proctor.get('/api/sessions')).body).toEqual({ ok: true, data: [] });

    // exam package: octet-stream only, signature checked, tampering rejected
    const { bytes, signer } = await buildPackage(store);
    trustSigningKey(store.db, store.audit, signer.publicKeyPem, '省中心', 'test', clock.now());
    expect((await proctor.upload('/api/exams/import', bytes)).status).toBe(403);
    expect(
      (await admin.json(await admin.upload('/api/exams/import', bytes, 'text/plain'))).body.error
        ?.message,
    ).toMatch(/application\/octet-stream/);
    const tampered = Uint8Array.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
    const bad = await admin.json(await admin.upload('/api/exams/import', tampered));
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: { code: 'BAD_REQUEST' } } });
    const imported = await admin.json(await admin.upload('/api/exams/import', bytes));
    expect(imported).toMatchObject({
      status: 200,
      body: { ok: true, data: { examId: 'exam-pkg-paper', items: 11 } },
    });
    expect((await proctor.get('/api/exams')).body.data).toEqual([
      {
        examId: 'exam-pkg-paper',
        title: '电工（四级）理论知识试卷',
        importedAt: clock.now(),
        sessions: 0,
      },
    ]);

    // session: schema-checked, all or nothing, admin only
    const session = {
      id: 's1',
      name: '2026年第四季度电工四级',
      examId: 'exam-pkg-paper',
      scheduledStart: START,
      durationMinutes: 90,
      rules: { lateEntryCutoffMinutes: 15 },
      rooms: [{ id: 'r1', name: '第一考场', seatCount: 30 }],
      checkInAt: START - 30 * 60_000,
    };
    expect((await proctor.post('/api/sessions', session)).status).toBe(403);
    const missing = await admin.post('/api/sessions', { ...session, name: undefined });
    expect(missing).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('name') as unknown as string } },
    });
    expect((await admin.post('/api/sessions', { ...session, checkInAt: START + 1 })).status).toBe(
      400,
    );
    // 监考员 assigned at creation, all or nothing: an unknown one creates no session
    const unknownProctor = await admin.post('/api/sessions', { ...session, proctors: ['nobody'] });
    expect(unknownProctor.status).toBe(404);
    expect(store.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
    const created = await admin.post('/api/sessions', { ...session, proctors: ['proctor2'] });
    expect(created).toMatchObject({
      status: 200,
      body: {
        data: { id: 's1', status: 'scheduled', rooms: [{ roomId: 'r1' }], proctors: ['proctor2'] },
      },
    });
    expect((await admin.post('/api/sessions', session)).status).toBe(409);

    // roster: a zip with the roster and the photos it names; a new room is created
    const csv = `准考证号,姓名,身份证号,考场,座位号,照片\nT0001,张三,${idNumber(1)},第一考场,1,p1.png\nT0002,李四,${idNumber(2)},2,5,\n`;
    const zip = storedZip(
      new Map([
        ['名单/考生名单.csv', new TextEncoder().encode(csv)],
        ['照片/p1.png', PNG],
      ]),
    );
    const path = `/api/sessions/roster?sessionId=s1&fileName=${encodeURIComponent('考生名单.zip')}`;
    const badCsv = csv.replace(idNumber(2), '110105199001010011');
    const rejected = await admin.json(
      await admin.upload(
        path,
        storedZip(
          new Map([
            ['考生名单.csv', new TextEncoder().encode(badCsv)],
            ['p1.png', PNG],
          ]),
        ),
      ),
    );
    expect(rejected.status).toBe(400);
    expect(rejected.body.error?.message).toMatch(/考生名单.csv 第 3 行 身份证号/);
    expect(store.db.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 0 });
    const roster = await admin.json(await admin.upload(path, zip));
    expect(roster).toMatchObject({
      status: 200,
      body: {
        data: { imported: 2, createdRooms: [{ id: 'room-2', name: '第2考场', seatCount: 5 }] },
      },
    });
    const firstCodes = (roster.body.data as { candidates: { examCode: string }[] }).candidates;
    expect(store.db.prepare('SELECT count(*) AS n FROM candidate_photos').get()).toEqual({ n: 1 });
    const listed = (await proctor.get('/api/sessions')).body.data as {
      candidates: number;
      rooms: unknown[];
    }[];
    expect(listed[0]).toMatchObject({ candidates: 2 });
    expect(listed[0]!.rooms).toHaveLength(2);

    // 监考员 assignment over HTTP: admin only, replaces the list, only existing proctors
    const assignment = { sessionId: 's1', usernames: ['proctor2'] };
    expect((await proctor.post('/api/sessions/proctors', assignment)).status).toBe(403);
    expect(
      (await admin.post('/api/sessions/proctors', { ...assignment, usernames: ['admin1'] })).status,
    ).toBe(400);
    expect(
      (await admin.post('/api/sessions/proctors', { sessionId: 'nope', usernames: [] })).status,
    ).toBe(404);
    expect(
      (await admin.post('/api/sessions/proctors', { ...assignment, usernames: [] })).body,
    ).toEqual({ ok: true, data: { proctors: [] } });
    expect((await proctor.get('/api/sessions')).body).toEqual({ ok: true, data: [] });
    expect((await admin.post('/api/sessions/proctors', assignment)).body).toEqual({
      ok: true,
      data: { proctors: ['proctor2'] },
    });

    // seat map over HTTP
    const layout = {
      rows: 1,
      columns: 6,
      seats: [1, 2, 3, 4, 5].map((seat) => ({ seat, label: `A${seat}`, row: 1, column: seat })),
    };
    expect(
      (await admin.post('/api/sessions/room-layout', { sessionId: 's1', roomId: 'room-2', layout }))
        .body,
    ).toMatchObject({
      ok: true,
      data: { roomId: 'room-2', seatCount: 5 },
    });

    // admission slips: a PDF with NEW codes; the codes from the import stop working
    const slips = await admin.upload(
      '/api/sessions/admission-slips?sessionId=s1&site=%E7%AC%AC%E4%B8%80%E8%80%83%E7%82%B9',
      new Uint8Array(),
    );
    expect(slips.status).toBe(200);
    expect(slips.headers.get('content-type')).toBe('application/pdf');
    const pdf = new Uint8Array(await slips.arrayBuffer());
    const { text } = pdfText(pdf);
    expect(text).toContain('T0001');
    expect(text).toContain('第一考点');
    expect(text).toContain('电工（四级/中级工）');
    // No \b: pdftotext may run a code into the text before or after it, or break it with a space
    // or a line end where the code's glyphs are kerned; so spaces go first. Four characters on
    // each side of the hyphen are always the code's own.
    const flat = text.replace(/\s+/g, '');
    const printed = [...flat.matchAll(/([2-9A-HJKMNP-Z]{4})-([2-9A-HJKMNP-Z]{4})/g)].map(
      (m) => `${m[1]}${m[2]}`,
    );
    expect(printed, text).toHaveLength(2);
    clock.current = START - 20 * 60_000;
    const login = (code: string) =>
      server!.post('/api/auth/candidate-login', server!.kioskLogin('T0001', code));
    expect((await login(firstCodes[0]!.examCode)).status).toBe(401);
    expect((await login(printed[0]!)).status).toBe(200);
    const audit = store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'roster.reissue-codes'")
      .all();
    expect(audit).toEqual([{ actor: expect.stringMatching(/^staff:admin/) as unknown as string }]);
  });
});
