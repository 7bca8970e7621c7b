import { z } from 'zod';
import { EntityIdSchema, findDuplicates, IsoDateTimeSchema, nameSchema } from './common';

/** One seat of a room's seat map: its number (座位号, what the roster and attempts use) and place. */
export const SeatSchema = z.object({
  seat: z.int().min(1).max(999),
  /** What is written on the desk, e.g. "07". */
  label: z.string().trim().min(1).max(8),
  /** 1-based grid position; row 1 is the front (nearest the proctor's desk). */
  row: z.int().min(1).max(100),
  column: z.int().min(1).max(100),
});
export type Seat = z.infer<typeof SeatSchema>;

/** The most rows, and the most columns, of a seat map. */
export const MAX_LAYOUT_SIDE = 100;
/** The most seats of a room. */
export const MAX_ROOM_SEATS = 999;

/**
 * 座位图: a rows × columns grid with seats on some cells (gaps are aisles or pillars). Seat
 * numbers, labels and cells are unique; every seat lies inside the grid.
 */
export const SeatLayoutSchema = z
  .object({
    rows: z.int().min(1).max(MAX_LAYOUT_SIDE),
    columns: z.int().min(1).max(MAX_LAYOUT_SIDE),
    seats: z.array(SeatSchema).min(1, 'A room needs at least one seat').max(MAX_ROOM_SEATS),
  })
  .superRefine((layout, ctx) => {
    const numbers = new Set<number>();
    const labels = new Set<string>();
    const cells = new Set<string>();
    layout.seats.forEach((seat, index) => {
      const path = ['seats', index];
      if (seat.row > layout.rows || seat.column > layout.columns) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `座位 ${seat.seat} 在第 ${seat.row} 行第 ${seat.column} 列，超出 ${layout.rows}×${layout.columns} 的座位图 (seat outside the grid)`,
        });
      }
      if (numbers.has(seat.seat))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `座位号 ${seat.seat} 重复 (duplicate seat)`,
        });
      if (labels.has(seat.label))
        ctx.addIssue({
          code: 'custom',
          path,
          message: `座位标签 ${seat.label} 重复 (duplicate label)`,
        });
      const cell = `${seat.row}:${seat.column}`;
      if (cells.has(cell)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `第 ${seat.row} 行第 ${seat.column} 列已有座位 (two seats on one cell)`,
        });
      }
      numbers.add(seat.seat);
      labels.add(seat.label);
      cells.add(cell);
    });
  });
export type SeatLayout = z.infer<typeof SeatLayoutSchema>;

export const DEFAULT_SEAT_COLUMNS = 6;

/**
 * The seat map a room gets when nobody drew one: seats 1…n row by row, `columns` per row (more
 * when a hall needs them to stay within MAX_LAYOUT_SIDE rows), labelled with two digits (01,
 * 02, …; three digits from 100 on).
 */
export function defaultSeatLayout(seatCount: number, columns = DEFAULT_SEAT_COLUMNS): SeatLayout {
  if (!Number.isInteger(seatCount) || seatCount < 1 || seatCount > MAX_ROOM_SEATS)
    throw new RangeError(`seatCount must be 1…${MAX_ROOM_SEATS}, got ${seatCount}`);
  const width = Math.max(
    1,
    Math.min(seatCount, Math.max(columns, Math.ceil(seatCount / MAX_LAYOUT_SIDE))),
  );
  const digits = seatCount >= 100 ? 3 : 2;
  return {
    rows: Math.ceil(seatCount / width),
    columns: width,
    seats: Array.from({ length: seatCount }, (_, index) => ({
      seat: index + 1,
      label: String(index + 1).padStart(digits, '0'),
      row: Math.floor(index / width) + 1,
      column: (index % width) + 1,
    })),
  };
}

/** The highest seat number of a layout (what a room's seatCount must cover). */
export function highestSeat(layout: SeatLayout): number {
  return layout.seats.reduce((max, seat) => Math.max(max, seat.seat), 0);
}

/** 考场: a room of the exam site; without a layout it gets `defaultSeatLayout(seatCount)`. */
export const ExamRoomSchema = z.object({
  id: EntityIdSchema,
  name: nameSchema(100),
  seatCount: z.int().min(1).max(999),
  layout: SeatLayoutSchema.optional(),
});
export type ExamRoom = z.infer<typeof ExamRoomSchema>;

export const DEFAULT_SESSION_RULES = {
  checkInOpensMinutesBefore: 30,
  lateEntryCutoffMinutes: 30,
  earliestSubmissionMinutes: 30,
  allowPracticeClients: false,
  extensionCapMinutes: 60,
} as const;

/** 考务规则 of a session; minutes are counted from the scheduled start. */
export const SessionRulesSchema = z
  .object({
    /** 检录: candidates may log in this many minutes before the start. */
    checkInOpensMinutesBefore: z
      .int()
      .min(0)
      .max(240)
      .default(DEFAULT_SESSION_RULES.checkInOpensMinutesBefore),
    /** 开考N分钟后不得入场: no first login after this many minutes. */
    lateEntryCutoffMinutes: z.int().min(0).default(DEFAULT_SESSION_RULES.lateEntryCutoffMinutes),
    /** 开考N分钟后方可交卷: no submission before this many minutes. */
    earliestSubmissionMinutes: z
      .int()
      .min(0)
      .default(DEFAULT_SESSION_RULES.earliestSubmissionMinutes),
    /** Whether non-secure clients (the web shell) may sit this session, e.g. a practice exam. */
    allowPracticeClients: z.boolean().default(DEFAULT_SESSION_RULES.allowPracticeClients),
    /** 补时上限: total extra minutes per candidate; an exam admin may raise it for one candidate. */
    extensionCapMinutes: z.int().min(0).max(600).default(DEFAULT_SESSION_RULES.extensionCapMinutes),
  })
  .prefault({});
export type SessionRules = z.infer<typeof SessionRulesSchema>;

/** scheduled → check_in (检录) → running ⇄ paused → ended. */
export const SessionStatusSchema = z.enum(['scheduled', 'check_in', 'running', 'paused', 'ended']);
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/**
 * One candidate's sitting: registered (on the roster) → logged_in (waiting for a proctor)
 * → admitted → in_progress ⇄ paused → submitted | force_submitted; or absent (缺考), or
 * voided (试卷作废) after a violation.
 */
export const AttemptStatusSchema = z.enum([
  'registered',
  'logged_in',
  'admitted',
  'in_progress',
  'paused',
  'submitted',
  'force_submitted',
  'absent',
  'voided',
]);
export type AttemptStatus = z.infer<typeof AttemptStatusSchema>;

export function isFinishedAttemptStatus(status: AttemptStatus): boolean {
  return ['submitted', 'force_submitted', 'absent', 'voided'].includes(status);
}

/** 考试场次: one sitting of one paper in one or more rooms. */
export const ExamSessionSchema = z
  .object({
    id: EntityIdSchema,
    name: nameSchema(200),
    paperId: EntityIdSchema,
    rooms: z.array(ExamRoomSchema).min(1, 'A session needs at least one room'),
    scheduledStart: IsoDateTimeSchema,
    durationMinutes: z.int().min(1).max(600),
    rules: SessionRulesSchema,
    status: SessionStatusSchema.default('scheduled'),
  })
  .superRefine((session, ctx) => {
    for (const id of findDuplicates(session.rooms.map((room) => room.id))) {
      ctx.addIssue({ code: 'custom', path: ['rooms'], message: `Room id "${id}" is listed twice` });
    }
    for (const rule of ['lateEntryCutoffMinutes', 'earliestSubmissionMinutes'] as const) {
      if (session.rules[rule] > session.durationMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', rule],
          message: `${rule} (${session.rules[rule]}) is longer than the exam (${session.durationMinutes} minutes)`,
        });
      }
    }
  });
export type ExamSession = z.infer<typeof ExamSessionSchema>;

export interface SessionTimeline {
  readonly checkInOpensAt: number;
  readonly startsAt: number;
  readonly lateEntryCutoffAt: number;
  readonly earliestSubmissionAt: number;
  /** The scheduled end, before any pause or 补时 (the server keeps the real deadline). */
  readonly scheduledEndAt: number;
}

const MINUTE_MS = 60_000;

/** The scheduled moments of a session, in epoch milliseconds. */
export function sessionTimeline(session: ExamSession): SessionTimeline {
  const startsAt = Date.parse(session.scheduledStart);
  return {
    checkInOpensAt: startsAt - session.rules.checkInOpensMinutesBefore * MINUTE_MS,
    startsAt,
    lateEntryCutoffAt: startsAt + session.rules.lateEntryCutoffMinutes * MINUTE_MS,
    earliestSubmissionAt: startsAt + session.rules.earliestSubmissionMinutes * MINUTE_MS,
    scheduledEndAt: startsAt + session.durationMinutes * MINUTE_MS,
  };
}
