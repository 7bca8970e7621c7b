import type { ErrorCode, KioskEventNotice } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { Notifier } from '../socket/notifier';

/** A save the server refused for good (never PAUSED or UNAVAILABLE: those are sent again). */
export interface SaveRejection {
  readonly attemptId: string;
  readonly sessionId: string;
  readonly seq: number;
  readonly itemId: string;
  readonly code: ErrorCode;
  readonly message: string;
}

export interface SaveRejectionLogDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
  readonly now: () => number;
  /** At most one record per attempt in this interval (a script can be refused in a loop). */
  readonly minIntervalMs: number;
}

export const SAVE_REJECTION_INTERVAL_MS = 10_000;

/**
 * Makes a permanently refused answer visible to the proctors (docs/decisions/0227): an
 * `answer.rejected` audit record (the console's candidate timeline shows it) and a pushed
 * `monitor:kiosk-event` of kind `answer_rejected`. Throttled per attempt, so a script that is
 * refused thousands of times cannot flood the audit chain; the first refusal is always recorded.
 */
export class SaveRejectionLog {
  private readonly lastRecorded = new Map<string, number>();

  constructor(private readonly deps: SaveRejectionLogDeps) {}

  /** Records the rejection unless one of the same attempt was recorded recently; true if it did. */
  record(rejection: SaveRejection): boolean {
    const { db, audit, notifier } = this.deps;
    const now = this.deps.now();
    const last = this.lastRecorded.get(rejection.attemptId);
    if (last !== undefined && now - last < this.deps.minIntervalMs) return false;
    this.lastRecorded.set(rejection.attemptId, now);
    const { attemptId, sessionId, seq, itemId, code, message } = rejection;
    const detail = rejectionDetail(rejection);
    transaction(db, () => {
      audit.append(
        db,
        {
          actor: `candidate:${attemptId}`,
          action: 'answer.rejected',
          payload: { attemptId, seq, itemId: itemId.slice(0, 100), code, message, detail },
        },
        now,
      );
    });
    const notice: KioskEventNotice = {
      attemptId,
      sessionId,
      kind: 'answer_rejected',
      detail,
      at: now,
    };
    notifier.kioskEvent(notice);
    return true;
  }
}

/** One line for the console: which answer, and what the server said. */
export function rejectionDetail(rejection: SaveRejection): string {
  return `第 ${rejection.seq} 条答案（题目 ${rejection.itemId.slice(0, 40)}）未被接受：${rejection.message}`;
}
