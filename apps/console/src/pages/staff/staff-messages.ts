import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * Strings of the 人员 page added with reasons on every destructive action (docs/decisions/0986)
 * and the 督考人员 of a session (0985), zh-CN first with English.
 */

const zh = {
  resetTitle: '重置 {username} 的密码',
  resetWarning: '将生成新的一次性密码，其现有登录立即失效。原因记入审计日志。',
  assignTitle: '指派监考员和督考人员',
  assignHint:
    '监考员只能看到并操作被指派的场次。督考人员（质量督导员）仍可查看所有场次；记录的督考人员显示在监控页并打印在考场情况记录上。',
  proctors: '监考员',
  supervisors: '督考人员',
  listSeparator: '、',
} as const;

export type StaffTextKey = keyof typeof zh;

const en: Readonly<Record<StaffTextKey, string>> = {
  resetTitle: 'Reset the password of {username}',
  resetWarning:
    'A new one-time password is made and its logins end at once. The reason is audited.',
  assignTitle: 'Assign proctors and supervisors',
  assignHint:
    "Proctors see and act on their assigned sessions only. Supervisors still see every session; the ones recorded here are shown on the monitor and printed on the session's incident record.",
  proctors: 'Proctors',
  supervisors: 'Supervisors',
  listSeparator: ', ',
};

const TABLES: LocaleTables<StaffTextKey> = { 'zh-CN': zh, en };

export const useStaffText = pageTextHook(TABLES);
