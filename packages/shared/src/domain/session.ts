import { z } from 'zod';
import { EntityIdSchema, findDuplicates, IsoDateTimeSchema, nameSchema } from './common';

/** 考场: a room of the exam site. */
export const ExamRoomSchema = z.object({
  id: EntityIdSchema,
  name: nameSchema(100),
  seatCount: z.int().min(1).max(999),
});
export type ExamRoom = z.infer<typeof ExamRoomSchema>;

export const DEFAULT_SESSION_RULES = {
  checkInOpensMinutesBefore: 30,
  lateEntryCutoffMinutes: 30,
  earliestSubmissionMinutes: 30,
  allowPracticeClients: false,
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
