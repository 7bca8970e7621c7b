import type { AttemptView, MonitorSnapshot, SessionView } from '@skillexam/shared';

/** Views shaped like the server's, for the store tests and the benchmark page. */
export const T0 = Date.parse('2026-11-21T09:00:00+08:00');

export function sessionView(overrides: Partial<SessionView> = {}): SessionView {
  return {
    id: 's1',
    name: '电工四级理论考试',
    examId: 'e1',
    status: 'running',
    scheduledStart: T0,
    durationMinutes: 90,
    rules: {
      checkInOpensMinutesBefore: 30,
      lateEntryCutoffMinutes: 30,
      earliestSubmissionMinutes: 30,
      allowPracticeClients: false,
      extensionCapMinutes: 60,
    },
    startedAt: T0,
    serverTime: T0 + 60_000,
    ...overrides,
  };
}

export function attemptView(index: number, overrides: Partial<AttemptView> = {}): AttemptView {
  return {
    attemptId: `a${index}`,
    sessionId: 's1',
    admissionTicketNumber: `2026${String(index).padStart(6, '0')}`,
    name: `考生${index}`,
    maskedIdNumber: '110105********0015',
    roomId: 'r1',
    seat: index,
    status: 'in_progress',
    identityConfirmed: true,
    startedAt: T0,
    deadlineAt: T0 + 90 * 60_000,
    extensionMs: 0,
    ackedSeq: 0,
    lastHeartbeatAt: T0 + 55_000,
    serverTime: T0 + 60_000,
    ...overrides,
  };
}

export function snapshotOf(
  count: number,
  overrides: Partial<MonitorSnapshot> = {},
): MonitorSnapshot {
  const attempts = Array.from({ length: count }, (_, i) => attemptView(i + 1));
  return {
    session: sessionView(),
    attempts,
    rooms: [],
    counts: {
      notLoggedIn: 0,
      loggedIn: 0,
      awaitingAdmission: 0,
      admitted: 0,
      inProgress: count,
      paused: 0,
      offline: 0,
      submitted: 0,
      absent: 0,
      voided: 0,
    },
    progress: attempts.map((a) => ({
      attemptId: a.attemptId,
      answered: 0,
      total: 100,
      online: true,
    })),
    absent: [],
    recentKioskEvents: [],
    latestKioskEvents: [],
    ...overrides,
  };
}
