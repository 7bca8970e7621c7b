import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeatLayout } from '@skillexam/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/program';
import { openStore, type Store } from '../../src/db/store';
import { planFreeSeats } from '../../src/rooms/seat-assignment';
import { firstFreeSeat } from '../../src/sessions/candidate-admin';
import { importRosterFile } from '../../src/sessions/roster-import';
import { idNumber, seedEmptySession } from '../support/exam-fixture';

/* 座位号 left empty: the roster import seats the rows itself (docs/decisions/0990), real SQLite. */

/** A map whose seat numbers do not follow the rows: seats fill front left first (3, 9, 5, 2). */
const ODD_MAP: SeatLayout = {
  rows: 2,
  columns: 2,
  seats: [
    { seat: 9, label: 'A2', row: 1, column: 2 },
    { seat: 3, label: 'A1', row: 1, column: 1 },
    { seat: 2, label: 'B2', row: 2, column: 2 },
    { seat: 5, label: 'B1', row: 2, column: 1 },
  ],
};

function newStore(): { store: Store; data: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'roster-auto-seats-'));
  const data = join(root, 'data');
  const store = openStore(data);
  seedEmptySession(store, [
    { id: 'r1', name: '第一考场', seatCount: 9, layout: ODD_MAP },
    { id: 'r2', name: '第二考场', seatCount: 2 },
  ]);
  return { store, data, root };
}

const csv = (header: string, rows: string[]) =>
  new TextEncoder().encode(`${header}\n${rows.join('\n')}\n`);

function seatsOf(store: Store): Record<string, string> {
  const rows = store.db
    .prepare('SELECT admission_ticket AS t, room_id AS r, seat FROM attempts')
    .all() as { t: string; r: string; seat: number }[];
  return Object.fromEntries(rows.map((row) => [row.t, `${row.r}#${row.seat}`]));
}

const counts = (store: Store) =>
  ['attempts', 'rooms', 'audit_log', 'candidate_photos'].map(
    (table) => (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
  );

afterEach(() => {
  process.exitCode = undefined;
});

describe('roster import with empty 座位号', () => {
  it('plans free seats with the 自动排座 planner, in map order', () => {
    const plan = planFreeSeats(
      { roomId: 'r1', name: '第一考场', layout: ODD_MAP },
      new Set([3]),
      ['T3', 'T1'].map((t) => ({
        candidateId: t,
        admissionTicketNumber: t,
        name: t,
        roomId: 'r1',
        seat: 0,
      })),
      '考场 第一考场',
    );
    expect(plan.assignments.map((a) => [a.admissionTicketNumber, a.seat, a.label])).toEqual([
      ['T1', 9, 'A2'],
      ['T3', 5, 'B1'],
    ]);
  });

  it('seats empty rows after the written ones and held seats, in 准考证号 order, audited', async () => {
    const { store } = newStore();
    const header = '准考证号,姓名,身份证号,考场,座位号';
    await importRosterFile(
      store,
      's1',
      csv(header, [`T0001,张三,${idNumber(1)},第一考场,9`]),
      { fileName: 'first.csv' },
      't',
      2,
    );
    const result = await importRosterFile(
      store,
      's1',
      csv(header, [
        `T0009,李四,${idNumber(2)},第一考场,`,
        `T0003,王五,${idNumber(3)},第一考场,3`,
        `T0002,赵六,${idNumber(4)},r1,`,
        `T0020,钱七,${idNumber(5)},7,`,
        `T0021,孙八,${idNumber(6)},7,`,
        `T0030,周九,${idNumber(7)},8,4`,
        `T0031,吴十,${idNumber(8)},8,`,
      ]),
      { fileName: 'second.csv' },
      't',
      3,
    );
    // r1 map order is 3, 9, 5, 2: 9 is held, 3 is written → T0002 gets 5, T0009 gets 2
    expect(seatsOf(store)).toEqual({
      T0001: 'r1#9',
      T0003: 'r1#3',
      T0002: 'r1#5',
      T0009: 'r1#2',
      T0020: 'room-7#1',
      T0021: 'room-7#2',
      T0030: 'room-8#4',
      T0031: 'room-8#1',
    });
    expect(result.autoSeated).toBe(5);
    // new rooms get a default map holding the written seats and every row
    expect(result.createdRooms).toEqual([
      { id: 'room-7', name: '第7考场', seatCount: 2 },
      { id: 'room-8', name: '第8考场', seatCount: 4 },
    ]);
    const audit = store.db
      .prepare("SELECT payload_json AS p FROM audit_log WHERE action = 'roster.auto-seat'")
      .all() as { p: string }[];
    expect(audit.map((row) => JSON.parse(row.p) as unknown)).toEqual([
      {
        sessionId: 's1',
        fromRoster: 'second.csv',
        order: 'admission',
        seats: [
          { ticket: 'T0009', roomId: 'r1', seat: 2 },
          { ticket: 'T0002', roomId: 'r1', seat: 5 },
          { ticket: 'T0020', roomId: 'room-7', seat: 1 },
          { ticket: 'T0021', roomId: 'room-7', seat: 2 },
          { ticket: 'T0031', roomId: 'room-8', seat: 1 },
        ],
      },
    ]);
    // 添加考生's first free seat uses the same order (r1 is full; room-8: 2 is next)
    expect(firstFreeSeat(store, 's1', 'room-8')).toBe(2);
    expect(() => firstFreeSeat(store, 's1', 'r1')).toThrow(/已没有空座位/);
    store.close();
  });

  it('refuses a file whose rooms lack free seats, naming every room, and writes nothing', async () => {
    const { store } = newStore();
    const header = '准考证号,姓名,身份证号,考场';
    await importRosterFile(
      store,
      's1',
      csv(`${header},座位号`, [`T0001,张三,${idNumber(1)},第一考场,2`]),
      { fileName: 'first.csv' },
      't',
      2,
    );
    const before = counts(store);
    const attempt = importRosterFile(
      store,
      's1',
      csv(header, [
        ...[2, 3, 4, 5, 6].map((n) => `T000${n},考生${n},${idNumber(n)},第一考场`),
        ...[7, 8, 9].map((n) => `T000${n},考生${n},${idNumber(n)},r2`),
        `T0010,考生10,${idNumber(10)},第9考场`,
      ]),
      { fileName: '报名表.csv' },
      't',
      3,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toContain('考生名单有 2 处错误，未导入任何考生');
    expect(message).toContain(
      '报名表.csv 座位号: 考场 第一考场 有 5 名考生未填座位号，只有 3 个空座位，缺 2 个座位 (room 第一考场: 5 candidates without a seat, 3 free seats, 2 seats missing)',
    );
    expect(message).toContain('考场 第二考场 有 3 名考生未填座位号，只有 2 个空座位，缺 1 个座位');
    expect(counts(store)).toEqual(before);
    store.close();
  });

  it('CLI: roster import of a registration export without 座位号 seats everyone', async () => {
    const { store, data, root } = newStore();
    store.close();
    const file = join(root, '报名表.csv');
    writeFileSync(
      file,
      `准考证号,姓名,身份证号,考场\nT0002,张三,${idNumber(1)},r2\nT0001,李四,${idNumber(2)},r2\n`,
    );
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.map(String).join(' '));
    });
    const help = (await buildProgram()).commands
      .find((c) => c.name() === 'roster')
      ?.commands.find((c) => c.name() === 'import')
      ?.description();
    expect(help).toMatch(/座位号可留空或不设此列/);
    try {
      await (
        await buildProgram()
      ).parseAsync(['node', 'p', 'roster', 'import', file, '--data', data, '--session', 's1']);
    } finally {
      spy.mockRestore();
    }
    expect(lines[0]).toBe('已导入 2 名考生，其中 2 名自动排座 (seated automatically)');
    expect(lines.slice(1).map((line) => line.split('\t').slice(0, 3))).toEqual([
      ['T0002', '张三', 'r2-2'],
      ['T0001', '李四', 'r2-1'],
    ]);
    const check = openStore(data);
    expect(seatsOf(check)).toEqual({ T0001: 'r2#1', T0002: 'r2#2' });
    check.close();
  });
});
