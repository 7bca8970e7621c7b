import { afterEach, describe, expect, it } from 'vitest';
import { trustSigningKey } from '../../src/exams/package-keys';
import { idNumber } from '../support/exam-fixture';
import { buildPackage } from '../support/exam-package';
import { START } from '../support/running-session';
import { TestClock } from '../support/clock';
import { startTestServer, type TestServer } from '../support/util';

/*
 * A registration export (报名表) without 座位号 through the console's roster routes on a real
 * server (port 0) and SQLite: the preview shows the seats the import will choose, the import
 * seats everyone on the laid-out room, and a shortage is refused naming every room, nothing
 * written (docs/decisions/0990).
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

interface Reply {
  status: number;
  body: { ok: boolean; data?: unknown; error?: { code: string; message: string } };
}

interface PreviewData {
  rows: {
    row: number;
    admissionTicketNumber: string;
    roomId: string;
    seat?: number;
    seatAuto?: boolean;
  }[];
  issues: { file: string; row: number; field: string; reason: string }[];
}

async function setUp() {
  const clock = new TestClock(START - 3 * 3_600_000);
  server = await startTestServer({ now: clock.now });
  const s = server;
  const { store } = s.components;
  const { bytes, signer } = await buildPackage(store);
  trustSigningKey(store.db, store.audit, signer.publicKeyPem, '省中心', 'test', clock.now());
  const token = await s.staffToken('admin');
  const send = async (path: string, body: string | Buffer, type: string): Promise<Reply> => {
    const res = await fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body,
    });
    return { status: res.status, body: (await res.json()) as Reply['body'] };
  };
  const post = (path: string, body: unknown) =>
    send(path, JSON.stringify(body), 'application/json');
  const upload = (route: string, file: string, text: string) =>
    send(
      `/api/sessions/${route}?sessionId=s1&fileName=${encodeURIComponent(file)}`,
      Buffer.from(text, 'utf8'),
      'application/octet-stream',
    );
  expect(
    (await send('/api/exams/import', Buffer.from(bytes), 'application/octet-stream')).status,
  ).toBe(200);
  const session = {
    id: 's1',
    name: '2026年第四季度电工四级',
    examId: 'exam-pkg-paper',
    scheduledStart: START,
    durationMinutes: 90,
    rules: {},
    rooms: [
      { id: 'r1', name: '第一考场', seatCount: 30 },
      { id: 'r2', name: '第二考场', seatCount: 2 },
    ],
  };
  expect((await post('/api/sessions', session)).status).toBe(200);
  const counts = () =>
    ['attempts', 'rooms', 'audit_log'].map(
      (table) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
    );
  const seats = () =>
    store.db
      .prepare(
        'SELECT admission_ticket AS ticket, room_id AS room, seat FROM attempts ORDER BY admission_ticket',
      )
      .all();
  return { post, upload, counts, seats };
}

const HEADER = '准考证号,姓名,身份证号,考场\n';
const row = (ticket: string, n: number, room: string) =>
  `${ticket},考生${n},${idNumber(n)},${room}\n`;

describe('roster without 座位号 on a laid-out room', () => {
  it('previews and imports the seats the import chooses; a shortage is refused, nothing written', async () => {
    const { post, upload, counts, seats } = await setUp();
    // 第一考场 laid out 2 × 3 with a gap at 1:2 → seats 1–5 (the default map had 30)
    const grid = {
      sessionId: 's1',
      roomId: 'r1',
      rows: 2,
      columns: 3,
      gaps: [{ row: 1, column: 2 }],
    };
    expect((await post('/api/sessions/room-grid', { ...grid, save: true })).status).toBe(200);

    const file =
      HEADER + row('T0003', 3, '第一考场') + row('T0001', 1, '第一考场') + row('T0002', 2, 'r1');
    const before = counts();
    const preview = await upload('roster-preview', '报名表.csv', file);
    expect(preview.status).toBe(200);
    const data = preview.body.data as PreviewData;
    expect(data.issues).toEqual([]);
    expect(data.rows.map((r) => [r.admissionTicketNumber, r.roomId, r.seat, r.seatAuto])).toEqual([
      ['T0003', 'r1', 3, true],
      ['T0001', 'r1', 1, true],
      ['T0002', 'r1', 2, true],
    ]);
    expect(counts()).toEqual(before);

    const imported = await upload('roster', '报名表.csv', file);
    expect(imported).toMatchObject({ status: 200, body: { data: { imported: 3, autoSeated: 3 } } });
    expect(seats()).toEqual([
      { ticket: 'T0001', room: 'r1', seat: 1 },
      { ticket: 'T0002', room: 'r1', seat: 2 },
      { ticket: 'T0003', room: 'r1', seat: 3 },
    ]);

    // 第一考场 has 2 free seats left, 第二考场 2 seats: 3 rows each are too many
    const short =
      HEADER +
      [4, 5, 6].map((n) => row(`T000${n}`, n, '第一考场')).join('') +
      [7, 8, 9].map((n) => row(`T000${n}`, n, 'r2')).join('') +
      row('T0010', 10, '第5考场');
    const after = counts();
    const refused = (await upload('roster-preview', '报名表2.csv', short)).body.data as PreviewData;
    expect(refused.issues.map((i) => [i.file, i.row, i.field, i.reason])).toEqual([
      [
        '报名表2.csv',
        0,
        '座位号',
        '考场 第一考场 有 3 名考生未填座位号，只有 2 个空座位，缺 1 个座位 (room 第一考场: 3 candidates without a seat, 2 free seats, 1 seats missing)',
      ],
      [
        '报名表2.csv',
        0,
        '座位号',
        '考场 第二考场 有 3 名考生未填座位号，只有 2 个空座位，缺 1 个座位 (room 第二考场: 3 candidates without a seat, 2 free seats, 1 seats missing)',
      ],
    ]);
    // the rows of the short rooms have no seat; the new room's row has one
    expect(refused.rows.map((r) => r.seat)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
    ]);
    const importShort = await upload('roster', '报名表2.csv', short);
    expect(importShort.status).toBe(400);
    expect(importShort.body.error?.message).toMatch(
      /考场 第一考场 有 3 名考生未填座位号.*缺 1 个座位/,
    );
    expect(importShort.body.error?.message).toMatch(
      /考场 第二考场 有 3 名考生未填座位号.*缺 1 个座位/,
    );
    expect(counts()).toEqual(after);
    expect(seats()).toHaveLength(3);
  });
});
