import type { Accommodations, AttemptStatus, AttemptView } from '@skillexam/shared';
import { attemptDeadline, maskIdNumber } from './deadline';
/* An attempt as the rules see it, and the view a candidate gets of it; no IO. */

/** An attempt joined with the session fields that decide its timing. */
export interface AttemptRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly admissionTicket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly photoHash: string | undefined;
  readonly roomId: string;
  readonly seat: number;
  readonly examCodeHash: string;
  readonly status: AttemptStatus;
  readonly failedLogins: number;
  readonly lockedUntil: number | undefined;
  readonly identityConfirmedAt: number | undefined;
  readonly startedAt: number | undefined;
  readonly pausedAt: number | undefined;
  readonly pauseKind: 'attempt' | 'session' | undefined;
  readonly pausedTotalMs: number;
  readonly extensionMs: number;
  /** 补时上限 raised for this candidate by an exam admin; undefined: the session rule. */
  readonly extensionCapMs: number | undefined;
  /** 考生便利措施 from the roster; its extra time is part of `extensionMs`. */
  readonly accommodations: Accommodations | undefined;
  readonly submittedAt: number | undefined;
  readonly ackedSeq: number;
  readonly lastHeartbeatAt: number | undefined;
  readonly sessionStartedAt: number | undefined;
  readonly durationMs: number;
  /** 乱序 seed of the candidate's own item and option order. */
  readonly variationSeed: number;
}

export function toAttemptView(attempt: AttemptRecord, now: number): AttemptView {
  const deadlineAt = attemptDeadline(attempt, now);
  return {
    attemptId: attempt.id,
    sessionId: attempt.sessionId,
    admissionTicketNumber: attempt.admissionTicket,
    name: attempt.name,
    maskedIdNumber: maskIdNumber(attempt.idNumber),
    ...(attempt.photoHash === undefined ? {} : { photoAssetHash: attempt.photoHash }),
    roomId: attempt.roomId,
    seat: attempt.seat,
    status: attempt.status,
    identityConfirmed: attempt.identityConfirmedAt !== undefined,
    ...(attempt.lockedUntil !== undefined && attempt.lockedUntil > now
      ? { lockedUntil: attempt.lockedUntil }
      : {}),
    ...(attempt.startedAt === undefined ? {} : { startedAt: attempt.startedAt }),
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
    ...(attempt.pausedAt === undefined ? {} : { pausedAt: attempt.pausedAt }),
    ...(attempt.pauseKind === undefined ? {} : { pauseKind: attempt.pauseKind }),
    extensionMs: attempt.extensionMs,
    ...(attempt.extensionCapMs === undefined ? {} : { extensionCapMs: attempt.extensionCapMs }),
    ...(attempt.accommodations === undefined ? {} : { accommodations: attempt.accommodations }),
    ...(attempt.submittedAt === undefined ? {} : { submittedAt: attempt.submittedAt }),
    ackedSeq: attempt.ackedSeq,
    ...(attempt.lastHeartbeatAt === undefined ? {} : { lastHeartbeatAt: attempt.lastHeartbeatAt }),
    serverTime: now,
  };
}
