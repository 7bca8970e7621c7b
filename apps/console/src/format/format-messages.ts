import type { AttemptStatus, Locale, SessionStatus } from '@skillexam/shared';

/* The status names and list punctuation of format.ts, per language. */

export const ATTEMPT_STATUS: Readonly<Record<AttemptStatus, Record<Locale, string>>> = {
  registered: { 'zh-CN': '未登录', en: 'Not logged in' },
  logged_in: { 'zh-CN': '已登录', en: 'Logged in' },
  admitted: { 'zh-CN': '已准入', en: 'Admitted' },
  in_progress: { 'zh-CN': '作答中', en: 'Answering' },
  paused: { 'zh-CN': '暂停', en: 'Paused' },
  submitted: { 'zh-CN': '已交卷', en: 'Submitted' },
  force_submitted: { 'zh-CN': '强制交卷', en: 'Force-submitted' },
  absent: { 'zh-CN': '缺考', en: 'Absent' },
  voided: { 'zh-CN': '试卷作废', en: 'Voided' },
};

export const AWAITING_ADMISSION: Readonly<Record<Locale, string>> = {
  'zh-CN': '待审核',
  en: 'Awaiting admission',
};

export const SESSION_STATUS: Readonly<Record<SessionStatus, Record<Locale, string>>> = {
  scheduled: { 'zh-CN': '未开始', en: 'Scheduled' },
  check_in: { 'zh-CN': '检录中', en: 'Check-in' },
  running: { 'zh-CN': '考试中', en: 'Running' },
  paused: { 'zh-CN': '全场暂停', en: 'Paused' },
  ended: { 'zh-CN': '已结束', en: 'Ended' },
};

/** Between the items of a list in running text. */
export const LIST_SEPARATOR: Readonly<Record<Locale, string>> = { 'zh-CN': '、', en: ', ' };

/** Between the clauses of a sentence that lists several things. */
export const CLAUSE_SEPARATOR: Readonly<Record<Locale, string>> = { 'zh-CN': '；', en: '; ' };
