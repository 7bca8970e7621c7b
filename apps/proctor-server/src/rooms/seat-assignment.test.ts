import { createHash } from 'node:crypto';
import { CodedError } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { gridLayout } from './grid-layout';
import {
  manualMoves,
  planSeats,
  seededShuffle,
  usableSeats,
  type PlanRoom,
  type SeatHolder,
} from './seat-assignment';

const holder = (n: number, seat: number, roomId = 'r1'): SeatHolder => ({
  candidateId: `a${n}`,
  admissionTicketNumber: `T${String(n).padStart(4, '0')}`,
  name: `考生${n}`,
  roomId,
  seat,
});

/** 2 × 3 with the middle of row 1 disabled: seats 1 (1:1), 2 (1:3), 3…5 (row 2). */
const room: PlanRoom = {
  roomId: 'r1',
  name: '第一考场',
  layout: gridLayout(2, 3, [{ row: 1, column: 2 }]),
};
const small: PlanRoom = { roomId: 'r2', name: '第二考场', layout: gridLayout(1, 2) };

describe('usableSeats', () => {
  it('orders the seats of a map from the front left, row by row, whatever the stored order', () => {
    const layout = gridLayout(2, 2);
    const shuffled = { ...layout, seats: [...layout.seats].reverse() };
    expect(usableSeats(shuffled).map((s) => s.seat)).toEqual([1, 2, 3, 4]);
  });
});

describe('planSeats', () => {
  it('puts candidates on the usable seats in 准考证号 order, skipping disabled cells', () => {
    const three = [holder(3, 1), holder(1, 5), holder(2, 2)];
    const [plan] = planSeats([room], three, 'admission', undefined, '考场 第一考场');
    expect(plan?.seats).toBe(5);
    expect(
      plan?.assignments.map((a) => [a.admissionTicketNumber, a.fromSeat, a.seat, a.label]),
    ).toEqual([
      ['T0001', 5, 1, '01'],
      ['T0002', 2, 2, '02'],
      ['T0003', 1, 3, '03'],
    ]);
  });

  it('refuses a room with fewer seats than candidates and says how many are missing', () => {
    const seven = Array.from({ length: 7 }, (_, i) => holder(i + 1, i + 1));
    let caught: unknown;
    try {
      planSeats([room], seven, 'admission', undefined, '考场 第一考场');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CodedError);
    expect((caught as CodedError).code).toBe('CONFLICT');
    expect((caught as CodedError).message).toBe(
      '考场 第一考场 有 7 名考生、5 个座位，缺 2 个座位 (2 seats missing)',
    );
  });

  it('draws the same shuffle from the same seed, another from another seed, whatever the input order', () => {
    const five = Array.from({ length: 5 }, (_, i) => holder(i + 1, i + 1));
    const seats = (seed: string, list: SeatHolder[]) =>
      planSeats([room], list, 'random', seed, 'r1')[0]?.assignments.map(
        (a) => `${a.admissionTicketNumber}@${a.seat}`,
      );
    const seedA = '0123456789abcdef0123456789abcdef';
    const first = seats(seedA, five);
    expect(seats(seedA, [...five].reverse())).toEqual(first);
    const others = ['ffffffffffffffffffffffffffffffff', '00000000000000000000000000000001'].map(
      (s) => seats(s, five),
    );
    expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(first))).toBe(true);
    expect(new Set(first?.map((s) => s.split('@')[1])).size).toBe(5);
  });

  it('needs a seed for a random draw', () => {
    expect(() => planSeats([room], [], 'random', undefined, 'r1')).toThrow(/seed/);
  });

  it('fills the rooms of a session one after the other, candidates moving between rooms', () => {
    const six = [holder(6, 1, 'r2'), ...Array.from({ length: 5 }, (_, i) => holder(i + 1, i + 1))];
    const plans = planSeats([small, room], six, 'admission', undefined, '场次 s1');
    expect(
      plans.map((p) =>
        p.assignments.map(
          (a) => `${a.admissionTicketNumber}:${a.fromRoomId}>${a.roomId}#${a.seat}`,
        ),
      ),
    ).toEqual([
      ['T0001:r1>r2#1', 'T0002:r1>r2#2'],
      ['T0003:r1>r1#1', 'T0004:r1>r1#2', 'T0005:r1>r1#3', 'T0006:r2>r1#4'],
    ]);
    const eight = Array.from({ length: 8 }, (_, i) => holder(i + 1, i + 1));
    expect(() => planSeats([small, room], eight, 'random', 'ab', '场次 s1')).toThrow(
      '场次 s1 有 8 名考生、7 个座位，缺 1 个座位 (1 seats missing)',
    );
  });
});

describe('seededShuffle', () => {
  it('is a permutation and spreads every item over every place (no modulo bias in sight)', () => {
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (let s = 0; s < 4000; s += 1) {
      const out = seededShuffle([0, 1, 2, 3], `seed-${s}`);
      expect([...out].sort()).toEqual([0, 1, 2, 3]);
      out.forEach((item, place) => {
        const row = counts[item];
        if (row !== undefined) row[place] = (row[place] ?? 0) + 1;
      });
    }
    for (const row of counts) for (const n of row) expect(n).toBeGreaterThan(850);
  });

  it('matches the documented draw: SHA-256(seed:counter) words, Fisher–Yates from the end', () => {
    // An auditor's re-implementation from the description, for a 3-item list.
    const words = [...createHash('sha256').update('x:0').digest()].reduce<number[]>(
      (acc, _b, i, bytes) => {
        if (i % 4 === 0) acc.push(Buffer.from(bytes.slice(i, i + 4)).readUInt32BE(0));
        return acc;
      },
      [],
    );
    const expected = ['a', 'b', 'c'];
    let w = 0;
    for (let i = 2; i > 0; i -= 1) {
      const limit = Math.floor(2 ** 32 / (i + 1)) * (i + 1);
      while ((words[w] ?? 0) >= limit) w += 1;
      const j = (words[w] ?? 0) % (i + 1);
      w += 1;
      [expected[i], expected[j]] = [expected[j] as string, expected[i] as string];
    }
    expect(seededShuffle(['a', 'b', 'c'], 'x')).toEqual(expected);
  });
});

describe('manualMoves', () => {
  it('moves to a free seat in one move', () => {
    expect(manualMoves(holder(1, 1), { roomId: 'r2', seat: 4 }, undefined)).toEqual([
      {
        candidateId: 'a1',
        admissionTicketNumber: 'T0001',
        name: '考生1',
        from: { roomId: 'r1', seat: 1 },
        to: { roomId: 'r2', seat: 4 },
      },
    ]);
  });

  it('swaps with the candidate on an occupied seat, across rooms', () => {
    const moves = manualMoves(holder(1, 1), { roomId: 'r2', seat: 4 }, holder(2, 4, 'r2'));
    expect(moves.map((m) => [m.candidateId, m.from, m.to])).toEqual([
      ['a1', { roomId: 'r1', seat: 1 }, { roomId: 'r2', seat: 4 }],
      ['a2', { roomId: 'r2', seat: 4 }, { roomId: 'r1', seat: 1 }],
    ]);
  });

  it('refuses the seat the candidate already has', () => {
    expect(() => manualMoves(holder(1, 3), { roomId: 'r1', seat: 3 }, holder(1, 3))).toThrow(
      /已在该座位/,
    );
  });
});
