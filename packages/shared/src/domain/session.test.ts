import { describe, expect, it } from 'vitest';
import {
  AttemptStatusSchema,
  ExamSessionSchema,
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
    });
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
