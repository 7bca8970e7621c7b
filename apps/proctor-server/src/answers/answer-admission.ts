import type { AttemptStatus, ErrorCode } from '@skillexam/shared';
import { attemptDeadline, type AttemptTiming } from '../attempts/deadline';

export const PAUSED_MESSAGE =
  '考试已暂停，答案将在恢复后保存 (exam paused; answers are kept and sent after resume)';

/** What decides whether a new answer event is taken: the attempt's state and timing. */
export interface AnswerWindow extends AttemptTiming {
  readonly status: AttemptStatus;
}

export type AnswerAdmission =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      readonly code: ErrorCode;
      readonly message: string;
      /** false: the same event will be taken later (after resume); true: never. */
      readonly permanent: boolean;
    };

/**
 * Whether the server takes a NEW answer event now (docs/decisions/0225). Judged by the server's
 * own receive time, never by the client's timestamp: a save stamped before a pause that arrives
 * during it is refused with PAUSED and taken after the resume, when the kiosk sends it again.
 * Answering time is only time in progress: paused time moves the deadline and takes no answers.
 */
export function admitAnswer(window: AnswerWindow, now: number, graceMs: number): AnswerAdmission {
  if (window.status === 'paused') {
    return { accepted: false, code: 'PAUSED', message: PAUSED_MESSAGE, permanent: false };
  }
  if (window.status !== 'in_progress') {
    return {
      accepted: false,
      code: 'CONFLICT',
      message: `考试状态为 ${window.status}，不再接收答案 (answers closed)`,
      permanent: true,
    };
  }
  const deadline = attemptDeadline(window, now);
  if (deadline !== undefined && now > deadline + graceMs) {
    return {
      accepted: false,
      code: 'CONFLICT',
      message: '考试时间已到，不再接收答案 (past the deadline)',
      permanent: true,
    };
  }
  return { accepted: true };
}

/** Error codes of `answer:save` after which re-sending the same event can never succeed. */
export function isPermanentSaveError(code: ErrorCode): boolean {
  return !['PAUSED', 'UNAVAILABLE', 'RATE_LIMITED', 'INTERNAL'].includes(code);
}
