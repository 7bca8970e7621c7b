import { describe, expect, it } from 'vitest';
import {
  AttemptStatusSchema,
  ExamSessionSchema,
  SeatLayoutSchema,
  defaultSeatLayout,
  highestSeat,
  isFinishedAttemptStatus,
  sessionTimeline,
} from './session';

const session = {
  id: 'session-2025-06-01-am',
  name: '2025年6月电工（四级）理论考试 上午场',
  paperId: 'paper-1',
  rooms: [
    { id: 'room-01', name: '第1考场', seatCount: 30 },
    { id: 'room-02', name: '第2考场', seatCount: 30 },
  ],
  scheduledStart: '2025-06-01T09:00:00+08:00',
  durationMinutes: 90,
};

describe('ExamSessionSchema', () => {
  it('fills in the default rules and status', () => {
    const parsed = ExamSessionSchema.parse(session);
    expect(parsed.status).toBe('scheduled');
    expect(parsed.rules).toEqual({
      checkInOpensMinutesBefore: 30,
      lateEntryCutoffMinutes: 30,
      earliestSubmissionMinutes: 30,
      allowPracticeClients: false,
      extensionCapMinutes: 60,
    });
  });

  it('caps 补时 per candidate at 60 minutes by default, 0–600 when set', () => {
    const rules = (extensionCapMinutes: number) =>
      ExamSessionSchema.safeParse({ ...session, rules: { extensionCapMinutes } });
    expect(rules(0).success).toBe(true);
    expect(rules(600).data?.rules.extensionCapMinutes).toBe(600);
    expect(rules(601).success).toBe(false);
    expect(rules(-1).success).toBe(false);
  });

  it('keeps the rules it is given and defaults the rest', () => {
    const parsed = ExamSessionSchema.parse({
      ...session,
      rules: { lateEntryCutoffMinutes: 25, allowPracticeClients: true },
    });
    expect(parsed.rules).toMatchObject({
      lateEntryCutoffMinutes: 25,
      allowPracticeClients: true,
      earliestSubmissionMinutes: 30,
    });
  });

  it('refuses rules longer than the exam, duplicate rooms, no rooms and a date without offset', () => {
    const messages = (input: unknown) =>
      ExamSessionSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ ...session, rules: { earliestSubmissionMinutes: 100 } })).toEqual([
      'earliestSubmissionMinutes (100) is longer than the exam (90 minutes)',
    ]);
    expect(messages({ ...session, rooms: [session.rooms[0], session.rooms[0]] })).toEqual([
      'Room id "room-01" is listed twice',
    ]);
    expect(messages({ ...session, rooms: [] })).toEqual(['A session needs at least one room']);
    expect(
      ExamSessionSchema.safeParse({ ...session, scheduledStart: '2025-06-01 09:00' }).success,
    ).toBe(false);
    expect(ExamSessionSchema.safeParse({ ...session, status: 'cancelled' }).success).toBe(false);
  });
});

describe('sessionTimeline', () => {
  it('places check-in, cut-offs and the end around the start', () => {
    const timeline = sessionTimeline(ExamSessionSchema.parse(session));
    const at = (ms: number) => new Date(ms).toISOString();
    expect(at(timeline.checkInOpensAt)).toBe('2025-06-01T00:30:00.000Z');
    expect(at(timeline.startsAt)).toBe('2025-06-01T01:00:00.000Z');
    expect(at(timeline.lateEntryCutoffAt)).toBe('2025-06-01T01:30:00.000Z');
    expect(at(timeline.earliestSubmissionAt)).toBe('2025-06-01T01:30:00.000Z');
    expect(at(timeline.scheduledEndAt)).toBe('2025-06-01T02:30:00.000Z');
  });
});

describe('AttemptStatus', () => {
  it('knows which statuses are final', () => {
    const finished = AttemptStatusSchema.options.filter(isFinishedAttemptStatus);
    expect(finished).toEqual(['submitted', 'force_submitted', 'absent', 'voided']);
  });
});

describe('seat maps', () => {
  it('draws the default grid row by row, six to a row, with zero-padded labels', () => {
    const layout = defaultSeatLayout(14);
    expect(layout).toMatchObject({ rows: 3, columns: 6 });
    expect(layout.seats[6]).toEqual({ seat: 7, label: '07', row: 2, column: 1 });
    expect(highestSeat(layout)).toBe(14);
    expect(SeatLayoutSchema.parse(layout)).toEqual(layout);
    expect(defaultSeatLayout(3)).toMatchObject({ rows: 1, columns: 3 });
    expect(defaultSeatLayout(120).seats[0]?.label).toBe('001');
    expect(() => defaultSeatLayout(0)).toThrow(RangeError);
  });

  it('widens the default grid of a large hall so it stays within 100 rows', () => {
    for (const count of [600, 601, 750, 999]) {
      const layout = defaultSeatLayout(count);
      expect(layout.rows, String(count)).toBeLessThanOrEqual(100);
      expect(SeatLayoutSchema.parse(layout)).toEqual(layout);
      expect(highestSeat(layout)).toBe(count);
    }
    expect(defaultSeatLayout(600)).toMatchObject({ rows: 100, columns: 6 });
    expect(defaultSeatLayout(999)).toMatchObject({ rows: 100, columns: 10 });
  });

  it('refuses seats outside the grid, and duplicate numbers, labels or cells', () => {
    const seat = (n: number, label: string, row: number, column: number) => ({
      seat: n,
      label,
      row,
      column,
    });
    const messages = (seats: ReturnType<typeof seat>[]) => {
      const result = SeatLayoutSchema.safeParse({ rows: 2, columns: 2, seats });
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(messages([seat(1, '01', 1, 1), seat(2, '02', 2, 2)])).toEqual([]);
    expect(messages([seat(1, '01', 3, 1)])[0]).toMatch(/超出 2×2/);
    expect(messages([seat(1, '01', 1, 1), seat(1, '02', 1, 2)])[0]).toMatch(/座位号 1 重复/);
    expect(messages([seat(1, '01', 1, 1), seat(2, '01', 1, 2)])[0]).toMatch(/标签 01 重复/);
    expect(messages([seat(1, '01', 1, 1), seat(2, '02', 1, 1)])[0]).toMatch(/已有座位/);
    expect(messages([])).not.toEqual([]);
  });
});
