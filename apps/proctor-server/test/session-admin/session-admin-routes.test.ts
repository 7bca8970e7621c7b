import { afterEach, describe, expect, it } from 'vitest';
import { trustSigningKey } from '../../src/exams/package-keys';
import { markCheckIn } from '../../src/sessions/session-repository';
import { idNumber } from '../support/exam-fixture';
import { buildPackage } from '../support/exam-package';
import { START } from '../support/running-session';
import { TestClock } from '../support/clock';
import { startTestServer, type TestServer } from '../support/util';

/* The console's session, roster-preview and seat-grid routes on a real server (port 0). */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

function api(s: TestServer, token: string) {
  const send = async (path: string, body: string | Buffer, type: string): Promise<Reply> => {
    const res = await fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  };
  return {
    post: (path: string, body: unknown) => send(path, JSON.stringify(body), 'application/json'),
    upload: (path: string, text: string) =>
      send(path, Buffer.from(text, 'utf8'), 'application/octet-stream'),
  };
}

const SESSION = {
  id: 's1',
  name: '2026年第四季度电工四级',
  examId: 'exam-pkg-paper',
  scheduledStart: START,
  durationMinutes: 90,
  rules: {},
  rooms: [{ id: 'r1', name: '第一考场', seatCount: 30 }],
};

async function setUp() {
  const clock = new TestClock(START - 3 * 3_600_000);
  server = await startTestServer({ now: clock.now });
  const { store } = server.components;
  const { bytes, signer } = await buildPackage(store);
  trustSigningKey(store.db, store.audit, signer.publicKeyPem, '省中心', 'test', clock.now());
  const admin = api(server, await server.staffToken('admin'));
  const proctor = api(server, await server.staffToken('proctor'));
  const imported = await fetch(`${server.url}/api/exams/import`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await server.staffToken('admin')}`,
      'content-type': 'application/octet-stream',
    },
    body: Buffer.from(bytes),
  });
  expect(imported.status).toBe(200);
  expect((await admin.post('/api/sessions', SESSION)).status).toBe(200);
  const count = (table: string) =>
    (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, admin, proctor, count };
}

describe('POST /api/sessions/update', () => {
  it('edits a scheduled session with the create checks, audited; refused once check-in opens', async () => {
    const { store, admin, proctor, count } = await setUp();
    const edit = {
      id: 's1',
      name: '电工四级（改期）',
      scheduledStart: START + 3_600_000,
      durationMinutes: 120,
      rules: { lateEntryCutoffMinutes: 15, earliestSubmissionMinutes: 30 },
    };
    expect((await proctor.post('/api/sessions/update', edit)).status).toBe(403);
    const tooLate = await admin.post('/api/sessions/update', {
      ...edit,
      rules: { lateEntryCutoffMinutes: 150 },
    });
    expect(tooLate.status).toBe(400);
    expect(tooLate.body.error?.message).toMatch(/lateEntryCutoffMinutes \(150\) 超过考试时长 120/);
    expect((await admin.post('/api/sessions/update', { ...edit, id: 'nope' })).status).toBe(404);
    const audits = count('audit_log');
    const ok = await admin.post('/api/sessions/update', edit);
    expect(ok).toMatchObject({
      status: 200,
      body: { data: { id: 's1', name: '电工四级（改期）' } },
    });
    const row = store.db
      .prepare('SELECT name, scheduled_start AS start, duration_ms AS ms FROM sessions')
      .get();
    expect(row).toEqual({ name: '电工四级（改期）', start: START + 3_600_000, ms: 120 * 60_000 });
    expect(count('audit_log')).toBe(audits + 1);
    const logged = store.db
      .prepare("SELECT actor FROM audit_log WHERE action = 'session.update'")
      .all();
    expect(logged[0]).toEqual({
      actor: expect.stringMatching(/^staff:admin/) as unknown as string,
    });

    const setup = await fetch(`${server!.url}/api/sessions/setup?sessionId=s1`, {
      headers: { authorization: `Bearer ${await server!.staffToken('admin')}` },
    });
    expect(await setup.json()).toMatchObject({
      ok: true,
      data: { id: 's1', durationMinutes: 120, rooms: [{ roomId: 'r1' }] },
    });
    const auto = await admin.post('/api/sessions/update', { ...edit, checkInAt: START });
    expect(auto.status).toBe(200);
    const proctorSetup = await fetch(`${server!.url}/api/sessions/setup?sessionId=s1`, {
      headers: { authorization: `Bearer ${await server!.staffToken('proctor')}` },
    });
    expect(proctorSetup.status).toBe(403);
    const withAuto = await fetch(`${server!.url}/api/sessions/setup?sessionId=s1`, {
      headers: { authorization: `Bearer ${await server!.staffToken('admin')}` },
    });
    expect(await withAuto.json()).toMatchObject({ data: { checkInAt: START } });

    markCheckIn(store.db, 's1');
    const refused = await admin.post('/api/sessions/update', { ...edit, name: '再改' });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/已开始检录/);
    expect(store.db.prepare('SELECT name FROM sessions').get()).toEqual({
      name: '电工四级（改期）',
    });
  });
});

describe('POST /api/sessions/roster-preview', () => {
  const header = '准考证号,姓名,身份证号,考场,座位号\n';
  const good = `${header}T0001,张三,${idNumber(1)},第一考场,1\nT0002,李四,${idNumber(2)},2,5\n`;
  const path = (file: string) =>
    `/api/sessions/roster-preview?sessionId=s1&fileName=${encodeURIComponent(file)}`;

  it('names file, row and column of each problem and writes nothing', async () => {
    const { store, admin, proctor, count } = await setUp();
    const before = [count('attempts'), count('rooms'), count('audit_log')];
    expect((await proctor.upload(path('名单.csv'), good)).status).toBe(403);

    const bad = good
      .replace(idNumber(2), '110105199001010011')
      .replace(',第一考场,1', ',第一考场,31');
    const preview = await admin.upload(path('名单.csv'), bad);
    expect(preview.status).toBe(200);
    const data = preview.body.data as {
      rows: { row: number; idNumber: string }[];
      issues: { file: string; row: number; field: string; reason: string }[];
    };
    expect(data.issues).toEqual([
      expect.objectContaining({ file: '名单.csv', row: 2, field: '座位号' }),
      expect.objectContaining({ file: '名单.csv', row: 3, field: '身份证号' }),
    ]);
    expect(data.issues[0]!.reason).toMatch(/第一考场 的座位图没有 31 号座位/);
    expect(data.rows.map((r) => r.row)).toEqual([2]);
    expect(data.rows[0]!.idNumber).toMatch(/^\d{6}\*+\w{4}$/);
    expect([count('attempts'), count('rooms'), count('audit_log')]).toEqual(before);

    const clean = await admin.upload(path('名单.csv'), good);
    expect(clean.body.data).toMatchObject({
      issues: [],
      rows: [
        { row: 2, roomId: 'r1', seat: 1, photo: false },
        { row: 3, roomId: 'room-2', seat: 5 },
      ],
      createdRooms: [{ id: 'room-2', name: '第2考场', seatCount: 5 }],
    });
    // the trial import ran and was rolled back: nothing stored, no audit record
    expect([count('attempts'), count('rooms'), count('audit_log')]).toEqual(before);

    const imported = await admin.upload(
      `/api/sessions/roster?sessionId=s1&fileName=${encodeURIComponent('名单.csv')}`,
      good,
    );
    expect(imported).toMatchObject({ status: 200, body: { data: { imported: 2 } } });
    const again = (await admin.upload(path('名单.csv'), good)).body.data as {
      issues: { row: number; field: string; reason: string }[];
    };
    expect(again.issues.map((i) => [i.row, i.field])).toEqual([
      [2, '准考证号'],
      [3, '准考证号'],
    ]);
    expect(again.issues[0]!.reason).toMatch(/T0001 已在名单中/);
    expect(count('attempts')).toBe(2);

    // one candidate's slip: only that candidate's code is reissued; unknown tickets are refused
    const slip = await fetch(
      `${server!.url}/api/sessions/admission-slips?sessionId=s1&ticket=T0002`,
      { method: 'POST', headers: { authorization: `Bearer ${await server!.staffToken('admin')}` } },
    );
    expect(slip.headers.get('content-type')).toBe('application/pdf');
    const reissued = store.db
      .prepare("SELECT payload_json AS p FROM audit_log WHERE action = 'roster.reissue-codes'")
      .all() as { p: string }[];
    expect(reissued.map((r) => (JSON.parse(r.p) as { tickets: string[] }).tickets)).toEqual([
      ['T0002'],
    ]);
    const unknownTicket = await fetch(
      `${server!.url}/api/sessions/admission-slips?sessionId=s1&ticket=T9999`,
      { method: 'POST', headers: { authorization: `Bearer ${await server!.staffToken('admin')}` } },
    );
    expect(unknownTicket.status).toBe(404);
  });

  it('refuses a file of the wrong kind or an unknown session before reading it', async () => {
    const { admin } = await setUp();
    const wrong = await admin.upload(path('名单.txt'), good);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toMatch(/名单.txt: 考生名单应为 .xlsx、.csv/);
    const unknown = await admin.upload(
      '/api/sessions/roster-preview?sessionId=nope&fileName=a.csv',
      good,
    );
    expect(unknown.status).toBe(404);
  });
});

describe('POST /api/sessions/room-grid', () => {
  it('draws a grid with aisles and disabled seats; saves only when asked, audited', async () => {
    const { store, admin, proctor, count } = await setUp();
    const grid = {
      sessionId: 's1',
      roomId: 'r1',
      rows: 2,
      columns: 4,
      gaps: [
        { row: 1, column: 3 },
        { row: 2, column: 3 },
        { row: 2, column: 4 },
      ],
    };
    expect((await proctor.post('/api/sessions/room-grid', grid)).status).toBe(403);
    const audits = count('audit_log');
    const drawn = await admin.post('/api/sessions/room-grid', grid);
    const layout = (drawn.body.data as { layout: { seats: { seat: number; column: number }[] } })
      .layout;
    expect(drawn.body.data).toMatchObject({ saved: false, layout: { rows: 2, columns: 4 } });
    expect(layout.seats.map((s) => [s.seat, s.column])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 1],
      [5, 2],
    ]);
    expect(count('audit_log')).toBe(audits);
    const outside = await admin.post('/api/sessions/room-grid', {
      ...grid,
      gaps: [{ row: 3, column: 1 }],
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error?.message).toMatch(/空位 3:1 不在 2×4 的座位图内/);
    const saved = await admin.post('/api/sessions/room-grid', { ...grid, save: true });
    expect(saved.body.data).toMatchObject({ saved: true });
    expect(count('audit_log')).toBe(audits + 1);
    const stored = store.db.prepare("SELECT seat_count AS n FROM rooms WHERE id = 'r1'").get();
    expect(stored).toEqual({ n: 5 });
  });
});
