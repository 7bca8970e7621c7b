import { DEFAULT_SESSION_RULES, type SessionView } from '@skillexam/shared';

/*
 * The 新建/编辑场次 form's values and the request they make. Defaults are the server's
 * (DEFAULT_SESSION_RULES); the form never checks a rule itself, the server does. Pure, tested.
 */

export type CheckInMode = 'manual' | 'auto';

export interface SessionFormValues {
  id: string;
  examId: string | undefined;
  name: string;
  /** `datetime-local` text in the browser's time zone, e.g. 2026-12-01T09:00. */
  start: string;
  durationMinutes: number;
  rooms: { id: string; name: string; seatCount: number }[];
  checkInMode: CheckInMode;
  checkInOpensMinutesBefore: number;
  lateEntryCutoffMinutes: number;
  earliestSubmissionMinutes: number;
  allowPracticeClients: boolean;
  extensionCapMinutes: number;
  proctors: string[];
}

/** 国家职业技能标准: theory papers run at least 90 minutes (the paper's own time may differ). */
export const THEORY_EXAM_MINUTES = 90;

const pad = (n: number) => String(n).padStart(2, '0');

export function toLocalInput(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Tomorrow 09:00 local time, as the start a new session is offered. */
export function defaultStart(now: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  return toLocalInput(d.getTime());
}

/** The form of a new session; `firstRoomName` in the console's language (第1考场 / Room 1). */
export function defaultValues(now: number, firstRoomName: string): SessionFormValues {
  return {
    id: '',
    examId: undefined,
    name: '',
    start: defaultStart(now),
    durationMinutes: THEORY_EXAM_MINUTES,
    rooms: [{ id: 'r1', name: firstRoomName, seatCount: 30 }],
    checkInMode: 'manual',
    ...DEFAULT_SESSION_RULES,
    proctors: [],
  };
}

export function valuesOf(session: SessionView, autoCheckIn: boolean): SessionFormValues {
  return {
    id: session.id,
    examId: session.examId,
    name: session.name,
    start: toLocalInput(session.scheduledStart),
    durationMinutes: session.durationMinutes,
    rooms: [],
    checkInMode: autoCheckIn ? 'auto' : 'manual',
    ...session.rules,
    proctors: [],
  };
}

function common(v: SessionFormValues) {
  const scheduledStart = new Date(v.start).getTime();
  return {
    name: v.name,
    scheduledStart,
    durationMinutes: v.durationMinutes,
    rules: {
      checkInOpensMinutesBefore: v.checkInOpensMinutesBefore,
      lateEntryCutoffMinutes: v.lateEntryCutoffMinutes,
      earliestSubmissionMinutes: v.earliestSubmissionMinutes,
      allowPracticeClients: v.allowPracticeClients,
      extensionCapMinutes: v.extensionCapMinutes,
    },
    // 自动检录 opens check-in when the rules let candidates in: start − checkInOpensMinutesBefore
    ...(v.checkInMode === 'auto'
      ? { checkInAt: scheduledStart - v.checkInOpensMinutesBefore * 60_000 }
      : {}),
  };
}

/** POST /api/sessions */
export function createRequest(v: SessionFormValues) {
  return {
    id: v.id,
    examId: v.examId ?? '',
    ...common(v),
    rooms: v.rooms,
    ...(v.proctors.length === 0 ? {} : { proctors: v.proctors }),
  };
}

/** POST /api/sessions/update */
export function updateRequest(v: SessionFormValues) {
  return { id: v.id, ...common(v) };
}
