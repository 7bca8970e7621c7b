import { AutoSeatResultSchema, SessionSeatsSchema } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { findRoom, listRooms } from '../../src/rooms/room-repository';
import { planSeats } from '../../src/rooms/seat-assignment';
import { markCheckIn } from '../../src/sessions/session-repository';
import { pdfText } from '../pdf/pdf-tools';
import { seatClient, seatSession, type SeatSession } from './seat-fixture';

/* The seat page's routes on a real server (port 0) with a real SQLite file. */

let s: SeatSession | undefined;
afterEach(async () => {
  await s?.server.closeAll();
  s = undefined;
});

const AUTO = '/api/sessions/seats/auto';
const ASSIGN = '/api/sessions/seats/assign';

describe('POST /api/sessions/seats/auto', () => {
  it('previews a room in 准考证号 order without writing, then saves it audited', async () => {
    s = await seatSession();
    const { admin, sessionId, ids } = s;
    // scramble first: T000001 to the free seat 4
    const moved = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('T000001'),
      roomId: 'room-1',
      seat: 4,
    });
    expect(moved.status).toBe(200);
    const before = s.seats();
    const audits = s.auditCount();
    const preview = await admin.post(AUTO, { sessionId, roomId: 'room-1', order: 'admission' });
    expect(preview.status).toBe(200);
    const plan = AutoSeatResultSchema.parse(preview.body.data);
    expect(plan.saved).toBe(false);
    expect(plan.seed).toBeUndefined();
    expect(plan.rooms.map((r) => [r.roomId, r.seats])).toEqual([['room-1', 5]]);
    expect(
      plan.rooms[0]?.assignments.map((a) => `${a.admissionTicketNumber}:${a.fromSeat}>${a.label}`),
    ).toEqual(['S0001:5>01', 'T000001:4>02', 'T000002:2>03', 'T000003:3>04']);
    expect(s.seats()).toEqual(before);
    expect(s.auditCount()).toBe(audits);

    const saved = await admin.post(AUTO, {
      sessionId,
      roomId: 'room-1',
      order: 'admission',
      save: true,
    });
    expect(saved.status).toBe(200);
    expect(s.seats()).toEqual({
      A0001: 'room-2#2',
      S0001: 'room-1#1',
      T000001: 'room-1#2',
      T000002: 'room-1#3',
      T000003: 'room-1#4',
    });
    expect(s.auditCount('seat.auto-assign')).toBe(1);
    expect(s.lastAudit('seat.auto-assign')).toMatchObject({
      actor: expect.stringMatching(/^staff:admin/) as unknown,
      sessionId,
      roomId: 'room-1',
      order: 'admission',
      seats: expect.arrayContaining([
        { ticket: 'S0001', from: { roomId: 'room-1', seat: 5 }, to: { roomId: 'room-1', seat: 1 } },
      ]) as unknown,
    });
  });

  it('fills the rooms of the whole session in turn', async () => {
    s = await seatSession();
    const { admin, sessionId } = s;
    const saved = await admin.post(AUTO, { sessionId, order: 'admission', save: true });
    expect(saved.status).toBe(200);
    expect(s.seats()).toEqual({
      A0001: 'room-1#1',
      S0001: 'room-1#2',
      T000001: 'room-1#3',
      T000002: 'room-1#4',
      T000003: 'room-1#5',
    });
  });

  it('saves the random draw that was previewed, records its seed, and the draw can be redone', async () => {
    s = await seatSession();
    const { admin, sessionId } = s;
    const first = AutoSeatResultSchema.parse(
      (await admin.post(AUTO, { sessionId, order: 'random' })).body.data,
    );
    const second = AutoSeatResultSchema.parse(
      (await admin.post(AUTO, { sessionId, order: 'random' })).body.data,
    );
    expect(first.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(second.seed).not.toBe(first.seed);
    const saved = await admin.post(AUTO, {
      sessionId,
      order: 'random',
      save: true,
      seed: first.seed,
    });
    expect(saved.status).toBe(200);
    const result = AutoSeatResultSchema.parse(saved.body.data);
    expect(result.seed).toBe(first.seed);
    expect(result.rooms).toEqual(first.rooms);
    const expected = Object.fromEntries(
      first.rooms.flatMap((r) =>
        r.assignments.map((a) => [a.admissionTicketNumber, `${a.roomId}#${a.seat}`]),
      ),
    );
    expect(s.seats()).toEqual(expected);
    const audit = s.lastAudit('seat.auto-assign');
    expect(audit).toMatchObject({ order: 'random', seed: first.seed, previewedDraws: 2 });

    // anyone can redo the draw from the audit: the candidates before, sorted, shuffled by the seed
    const { store } = s.server.components;
    const holders = (audit['seats'] as { ticket: string; from: { roomId: string; seat: number } }[])
      .map((x) => ({
        candidateId: x.ticket,
        admissionTicketNumber: x.ticket,
        name: '',
        roomId: x.from.roomId,
        seat: x.from.seat,
      }))
      .reverse();
    const rooms = listRooms(store.db, sessionId);
    const redo = planSeats(rooms, holders, 'random', audit['seed'] as string, 'x');
    expect(
      Object.fromEntries(
        redo.flatMap((r) =>
          r.assignments.map((a) => [a.admissionTicketNumber, `${a.roomId}#${a.seat}`]),
        ),
      ),
    ).toEqual(expected);

    // a seed this server did not draw (or already used) is not taken: a new draw is made
    const again = AutoSeatResultSchema.parse(
      (await admin.post(AUTO, { sessionId, order: 'random', save: true, seed: first.seed })).body
        .data,
    );
    expect(again.seed).not.toBe(first.seed);
    expect(s.lastAudit('seat.auto-assign')).toMatchObject({ previewedDraws: 0 });
  });

  it('refuses a session with fewer seats than candidates, saying how many are missing', async () => {
    s = await seatSession();
    const { admin, sessionId } = s;
    const { store } = s.server.components;
    // a seat map stored before maps were checked against the seats in use: two seats for three
    store.db.prepare("UPDATE rooms SET layout_json = ? WHERE session_id = ? AND id = 'room-1'").run(
      JSON.stringify({
        rows: 1,
        columns: 2,
        seats: findRoom(store.db, sessionId, 'room-2')?.layout.seats,
      }),
      sessionId,
    );
    const before = s.seats();
    const refused = await admin.post(AUTO, {
      sessionId,
      roomId: 'room-1',
      order: 'admission',
      save: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toBe(
      '考场 第1考场 有 4 名考生、2 个座位，缺 2 个座位 (2 seats missing)',
    );
    const whole = await admin.post(AUTO, { sessionId, order: 'admission' });
    expect(whole.body.error?.message).toBe(
      '场次 session-1 有 5 名考生、4 个座位，缺 1 个座位 (1 seats missing)',
    );
    expect(s.seats()).toEqual(before);
  });
});

describe('POST /api/sessions/seats/assign', () => {
  it('swaps two candidates across rooms in one audited change, moves to a free seat in another', async () => {
    s = await seatSession();
    const { admin, sessionId, ids } = s;
    const swap = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('A0001'),
      roomId: 'room-1',
      seat: 1,
    });
    expect(swap.status).toBe(200);
    expect(swap.body.data).toEqual({
      moved: [
        {
          candidateId: ids.get('A0001'),
          admissionTicketNumber: 'A0001',
          name: '安一',
          roomId: 'room-1',
          seat: 1,
        },
        {
          candidateId: ids.get('T000001'),
          admissionTicketNumber: 'T000001',
          name: '考生1',
          roomId: 'room-2',
          seat: 2,
        },
      ],
    });
    expect(s.seats()).toMatchObject({ A0001: 'room-1#1', T000001: 'room-2#2' });
    expect(s.lastAudit('seat.swap')).toMatchObject({
      sessionId,
      moves: [
        { ticket: 'A0001', from: { roomId: 'room-2', seat: 2 }, to: { roomId: 'room-1', seat: 1 } },
        {
          ticket: 'T000001',
          from: { roomId: 'room-1', seat: 1 },
          to: { roomId: 'room-2', seat: 2 },
        },
      ],
    });
    const free = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('T000002'),
      roomId: 'room-2',
      seat: 1,
    });
    expect(free.status).toBe(200);
    expect(s.seats()).toMatchObject({ T000002: 'room-2#1' });
    expect(s.auditCount('seat.assign')).toBe(1);

    const before = s.seats();
    const noSeat = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('T000002'),
      roomId: 'room-2',
      seat: 9,
    });
    expect(noSeat.status).toBe(400);
    expect(noSeat.body.error?.message).toMatch(/没有 9 号座位/);
    const same = await admin.post(ASSIGN, {
      sessionId,
      candidateId: ids.get('T000002'),
      roomId: 'room-2',
      seat: 1,
    });
    expect(same.body.error?.message).toMatch(/已在该座位/);
    expect(s.seats()).toEqual(before);
  });

  it('refuses every change once check-in has opened and points to 调座', async () => {
    s = await seatSession();
    const { admin, sessionId, ids } = s;
    markCheckIn(s.server.components.store.db, sessionId);
    const before = s.seats();
    for (const [path, body] of [
      [AUTO, { sessionId, order: 'admission', save: true }],
      [AUTO, { sessionId, order: 'random' }],
      [ASSIGN, { sessionId, candidateId: ids.get('T000001'), roomId: 'room-1', seat: 4 }],
    ] as const) {
      const refused = await admin.post(path, body);
      expect(refused.status).toBe(409);
      expect(refused.body.error?.message).toMatch(/已开始检录.*调座.*proctor:move/);
    }
    expect(s.seats()).toEqual(before);
    const view = await admin.get(`/api/sessions/seats?sessionId=${sessionId}`);
    const seats = SessionSeatsSchema.parse(((await view.json()) as { data: unknown }).data);
    expect(seats.status).toBe('check_in');
  });
});

describe('GET /api/sessions/seats and /api/sessions/seating-chart', () => {
  it('shows who sits where and prints the 座位表 and 门贴 with names and 准考证号', async () => {
    s = await seatSession();
    const { admin, sessionId } = s;
    const view = await admin.get(`/api/sessions/seats?sessionId=${sessionId}`);
    const seats = SessionSeatsSchema.parse(((await view.json()) as { data: unknown }).data);
    expect(seats.status).toBe('scheduled');
    expect(seats.rooms.map((r) => [r.roomId, r.layout.seats.length])).toEqual([
      ['room-1', 5],
      ['room-2', 2],
    ]);
    expect(seats.candidates.find((c) => c.admissionTicketNumber === 'S0001')).toMatchObject({
      name: '孙一',
      roomId: 'room-1',
      seat: 5,
    });

    const chart = await admin.get(
      `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=chart`,
    );
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(chart.headers.get('content-disposition') ?? '')).toContain(
      '座位表-session-1-room-1.pdf',
    );
    const { text } = pdfText(new Uint8Array(await chart.arrayBuffer()), 'chart.pdf');
    for (const expected of ['第1考场 座位表', '讲', '考生1', 'T000001', '孙一', 'S0001', '空座'])
      expect(text).toContain(expected);
    expect(text).toContain('座位 5 个，考生 4 人，空座 1 个');

    const door = await admin.get(
      `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=door`,
    );
    expect(door.status).toBe(200);
    const doorText = pdfText(new Uint8Array(await door.arrayBuffer()), 'door.pdf').text;
    expect(doorText).toContain('第1考场');
    expect(doorText).toContain('2026年第四季度电工四级理论考试');
    expect(doorText).toContain('2026年11月21日 09:00–10:30');
    expect(doorText).toMatch(/01\s+T000001\s+考生1/);
    expect(doorText).toMatch(/05\s+S0001\s+孙一/);

    const bad = await admin.get(
      `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=poster`,
    );
    expect(bad.status).toBe(400);
    const unknown = await admin.get(
      `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-9&kind=door`,
    );
    expect(unknown.status).toBe(404);
    const proctor = seatClient(s.server, await s.server.staffToken('proctor'));
    expect(
      (
        await proctor.get(
          `/api/sessions/seating-chart?sessionId=${sessionId}&roomId=room-1&kind=door`,
        )
      ).status,
    ).toBe(403);
  });
});
