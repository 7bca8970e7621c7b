import {
  INCIDENT_CATEGORY_LABELS,
  type IncidentCategory,
  type Locale,
  type LocaleTables,
} from '@skillexam/shared';
import { pageTextHook, textIn, type PageText as PageTextOf } from '../i18n/page-text';

/*
 * Strings of the login, marking, incidents and results pages that the shared catalogue
 * (i18n/messages.ts) lacks, zh-CN first with English; same `translate` mechanism.
 */

const zh = {
  loginSubtitle: '职业技能等级认定 · 理论知识考试',
  markFinal: '已完成',
  markNeedsThird: '需第三人评分',
  markPending: '待评分',
  unanswered: '（未作答）',
  time: '时间',
  everyone: '全体',
  involvedPlaceholder: '全体 / 选择考生',
  actionPlaceholder: '如：警告、补时10分钟',
  category_violation: INCIDENT_CATEGORY_LABELS.violation,
  category_equipment: INCIDENT_CATEGORY_LABELS.equipment,
  category_power_network: INCIDENT_CATEGORY_LABELS.power_network,
  category_other: INCIDENT_CATEGORY_LABELS.other,
  exportsByAdmin: '成绩导出由考务管理人员操作',
  withheldRole: '监考人员只查看本场次的成绩，试题分析由考务管理人员和质量督导员查看',
  withheldExam: '本考试还有场次未结束：答案、答卷与试题分析在全部场次结束后才显示和下载',
  itemStatsTitle: '{title} · 标记 {count} 题',
  flagDistractor: '干扰项',
  type_true_false: '判断',
  type_single_choice: '单选',
  type_multiple_choice: '多选',
  type_fill_blank: '填空',
  type_short_answer: '简答',
  optionRates: '选项 (高分组/低分组)',
  onlyFlagged: '仅显示标记题',
};

export type PageTextKey = keyof typeof zh;

const en: Record<PageTextKey, string> = {
  loginSubtitle: 'Vocational skill level assessment · Theory exam',
  markFinal: 'Done',
  markNeedsThird: 'Needs a third marker',
  markPending: 'To mark',
  unanswered: '(no answer)',
  time: 'Time',
  everyone: 'Everyone',
  involvedPlaceholder: 'Everyone / choose candidates',
  actionPlaceholder: 'e.g. warning, 10 minutes extra time',
  category_violation: 'Misconduct',
  category_equipment: 'Equipment fault',
  category_power_network: 'Power / network outage',
  category_other: 'Other',
  exportsByAdmin: 'Exports are made by the exam admin',
  withheldRole:
    'Proctors see the scores of their session only; item statistics are for exam admins and supervisors',
  withheldExam:
    'Sessions of this exam are still open: answers, answer sheets and item statistics are shown and downloadable once every session has ended',
  itemStatsTitle: '{title} · {count} flagged',
  flagDistractor: 'Distractor',
  type_true_false: 'T/F',
  type_single_choice: 'Single',
  type_multiple_choice: 'Multiple',
  type_fill_blank: 'Fill-in',
  type_short_answer: 'Short',
  optionRates: 'Options (upper / lower group)',
  onlyFlagged: 'Flagged items only',
};

const TABLES: LocaleTables<PageTextKey> = { 'zh-CN': zh, en };

export type PageText = PageTextOf<PageTextKey>;

/** The pages' strings in `lang` (the login page runs before the console context exists). */
export const pageText = (lang: Locale): PageText => textIn(TABLES, lang);

/** The pages' strings in the console's language. */
export const usePageText = pageTextHook(TABLES);

/** An incident category as the console's language names it. */
export function categoryLabel(text: PageText, category: IncidentCategory): string {
  return text(`category_${category}`);
}

/** An item type's short name; an unknown type shows as sent. */
export function itemTypeLabel(text: PageText, itemType: string): string {
  const key = `type_${itemType}`;
  return Object.hasOwn(zh, key) ? text(key as PageTextKey) : itemType;
}

export const PAGE_TEXT = TABLES;
