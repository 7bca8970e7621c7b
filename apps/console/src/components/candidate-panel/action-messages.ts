import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * The warnings of the destructive actions of the monitor (强制交卷, 作废, 全场暂停, 结束考试),
 * zh-CN first with English. Each asks for a reason that the server writes into the audit chain
 * (docs/decisions/0986).
 */

const zh = {
  forceWarning: '确认将 {name} 的试卷强制交卷？交卷后考生不能继续作答。原因记入审计日志。',
  voidWarning: '确认将 {name} 的试卷作废？作废后成绩无效，并记入考场情况记录（违纪）和审计日志。',
  pauseAllWarning:
    '全场暂停（如断电、断网）：所有作答中的考生暂停计时，恢复后每位考生按暂停时长自动补时。',
  endWarning:
    '结束考试后，所有未交卷的考生将被自动交卷，未开始的考生记为缺考，且不能恢复。原因记入审计日志。',
  endTitle: '结束考试：{name}',
  extendHint: '补时上限 {cap} 分钟，已补 {done} 分钟，还可补 {left} 分钟',
  capLabel: '补时上限（分钟）',
  capHint: '本场规则 {rule} 分钟；新上限须高于规则且不低于已补的 {done} 分钟，理由记入审计日志',
  locked: '锁定',
  answerRejected: '答案被拒收',
} as const;

export type ActionTextKey = keyof typeof zh;

const en: Readonly<Record<ActionTextKey, string>> = {
  forceWarning:
    "Force-submit {name}'s paper? The candidate cannot answer any more. The reason is audited.",
  voidWarning:
    "Void {name}'s paper? The score becomes invalid; it goes into the incident record (violation) and the audit log.",
  pauseAllWarning:
    'Pause everyone (power or network loss): every running candidate stops the clock and gets the paused time back on resume.',
  endWarning:
    'Ending the exam hands in every open paper, marks those who never started absent, and cannot be undone. The reason is audited.',
  endTitle: 'End exam: {name}',
  extendHint: 'Cap {cap} min, {done} min given, {left} min left',
  capLabel: 'Extension cap (minutes)',
  locked: 'Locked',
  answerRejected: 'Answer rejected',
  capHint:
    'Session rule {rule} min; the new cap must be above the rule and at least the {done} min given. The reason is audited.',
};

const TABLES: LocaleTables<ActionTextKey> = { 'zh-CN': zh, en };

/** The action strings in the console's language. */
export const useActionText = pageTextHook(TABLES);
