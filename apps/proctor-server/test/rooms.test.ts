import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoomView } from '@skillexam/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/program';
import { openStore } from '../src/db/store';
import { importRosterFile } from '../src/sessions/roster-import';
import { gridLayout } from '../src/rooms/grid-layout';
import { idNumber, seedEmptySession } from './support/exam-fixture';
import { okData, runningSession } from './support/running-session';
import { call, type TestServer } from './support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
  process.exitCode = undefined;
});

describe('seat maps', () => {
  it('an admin redraws a room; occupied seats must stay; moves need an existing, free seat', async () => {
    const running = await runningSession(3);
    server = running.server;
    const { seeded, proctor } = running;
    const admin = await server.staffClient('admin');
    // room-2 (备用考场) is empty: a 3 × 4 grid with an aisle in column 3
    const layout = gridLayout(
      3,
      4,
      [1, 2, 3].map((row) => ({ row, column: 3 })),
    );
    const updated = okData(
      await call(admin, 'room:set-layout', {
        sessionId: seeded.sessionId,
        roomId: 'room-2',
        layout,
      }),
    );
    expect(updated).toMatchObject({ roomId: 'room-2', seatCount: 9 });
    expect(updated.layout.seats.map((s) => s.label).join(' ')).toBe('01 02 03 04 05 06 07 08 09');
    // proctors and supervisors may not redraw rooms
    expect(
      await call(proctor, 'room:set-layout', {
        sessionId: seeded.sessionId,
        roomId: 'room-2',
        layout,
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // room-1 holds candidates at seats 1–3: a map without seat 2 is refused, nothing changes
    const without2 = {
      rows: 1,
      columns: 2,
      seats: [1, 3].map((seat, i) => ({ seat, label: String(seat), row: 1, column: i + 1 })),
    };
    expect(
      await call(admin, 'room:set-layout', {
        sessionId: seeded.sessionId,
        roomId: 'room-1',
        layout: without2,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('2 号') as unknown as string },
    });
    expect(
      await call(admin, 'room:set-layout', {
        sessionId: seeded.sessionId,
        roomId: 'room-1',
        layout: { rows: 1, columns: 1, seats: [{ seat: 1, label: '1', row: 1, column: 2 }] },
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const snap = okData(await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId }));
    expect(snap.rooms.find((r: RoomView) => r.roomId === 'room-1')?.layout.seats).toHaveLength(510);

    const mover = running.candidates[0]!;
    const move = (roomId: string, seat: number) =>
      call(proctor, 'proctor:move', { attemptId: mover.attemptId, roomId, seat, reason: '换机' });
    expect(await move('room-2', 10)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await move('room-1', 2)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(okData(await move('room-2', 9))).toMatchObject({ roomId: 'room-2', seat: 9 });
  });

  it('roster import creates the rooms it names (default seat map), all or nothing', async () => {
    const store = openStore(':memory:');
    seedEmptySession(store, [{ id: 'r1', name: '第一考场', seatCount: 30 }]);
    const csv = (rows: string) =>
      new TextEncoder().encode(`准考证号,姓名,身份证号,考场,座位号\n${rows}`);
    const result = await importRosterFile(
      store,
      's1',
      csv(
        `T0001,张三,${idNumber(1)},第一考场,1\nT0002,李四,${idNumber(2)},2,14\nT0003,王五,${idNumber(3)},2,3\nT0004,赵六,${idNumber(4)},B-201,1\n`,
      ),
      { fileName: 'r.csv' },
      't',
      2,
    );
    expect(result.createdRooms).toEqual([
      { id: 'room-2', name: '第2考场', seatCount: 14 },
      { id: 'B-201', name: 'B-201', seatCount: 1 },
    ]);
    const rooms = store.db.prepare('SELECT id, name, seat_count FROM rooms ORDER BY id').all();
    expect(rooms).toEqual([
      { id: 'B-201', name: 'B-201', seat_count: 1 },
      { id: 'r1', name: '第一考场', seat_count: 30 },
      { id: 'room-2', name: '第2考场', seat_count: 14 },
    ]);
    // a second roster naming 第2考场 uses the room; a bad one changes nothing
    await expect(
      importRosterFile(
        store,
        's1',
        csv(`T0005,钱七,${idNumber(5)},第3考场,1\nT0006,孙八,${idNumber(6)},2,14\n`),
        { fileName: 'x.csv' },
        't',
        3,
      ),
    ).rejects.toThrow(/座位已占用/);
    expect(store.db.prepare('SELECT count(*) AS n FROM rooms').get()).toEqual({ n: 3 });
    store.close();
  });

  it('CLI: room set-layout draws a grid with aisles; room list shows it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proctor-rooms-'));
    const data = join(root, 'data');
    const store = openStore(data);
    seedEmptySession(store, [{ id: 'r1', name: '第一考场', seatCount: 30 }]);
    store.close();
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.map(String).join(' '));
    });
    try {
      await (
        await buildProgram()
      ).parseAsync([
        'node',
        'p',
        'room',
        'set-layout',
        'r1',
        '--data',
        data,
        '--session',
        's1',
        '--rows',
        '5',
        '--columns',
        '7',
        '--gaps',
        '1:4,2:4,3:4,4:4,5:4',
      ]);
      const file = join(root, 'layout.json');
      writeFileSync(file, '{ not json');
      await expect(
        (await buildProgram()).parseAsync([
          'node',
          'p',
          'room',
          'set-layout',
          'r1',
          '--data',
          data,
          '--session',
          's1',
          '--file',
          file,
        ]),
      ).rejects.toThrow(/不是有效的 JSON/);
      await (
        await buildProgram()
      ).parseAsync(['node', 'p', 'room', 'list', '--data', data, '--session', 's1']);
    } finally {
      spy.mockRestore();
    }
    expect(lines).toEqual(['已设置 第一考场 座位图: 5×7, 30 座', 'r1\t第一考场\t5×7\t30 座']);
  });
});
