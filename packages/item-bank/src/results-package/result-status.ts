import type { AttemptStatus } from '@skillexam/shared';

/** 状态 in the results: 正常 (sat), 缺考 (absent) or 作废 (paper voided). */
export type ResultStatus = 'normal' | 'absent' | 'voided';

export const RESULT_STATUS_LABELS: Readonly<Record<ResultStatus, string>> = {
  normal: '正常',
  absent: '缺考',
  voided: '作废',
};

/** Unfinished attempts count as sat (they are force-submitted before results are exported). */
export function resultStatusOf(status: AttemptStatus): ResultStatus {
  if (status === 'absent' || status === 'registered' || status === 'logged_in') return 'absent';
  return status === 'voided' ? 'voided' : 'normal';
}
