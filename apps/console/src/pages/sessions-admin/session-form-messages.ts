import type { Locale, LocaleTables } from '@skillexam/shared';
import { textIn, type PageText } from '../../i18n/page-text';

/* Examples and defaults of the 新建/编辑场次 form, zh-CN first with English. */

const zh = {
  namePlaceholder: '2026年第四季度电工四级理论知识考试',
  roomName: '第{n}考场',
};

export type SessionFormTextKey = keyof typeof zh;

const en: Record<SessionFormTextKey, string> = {
  namePlaceholder: 'Electrician level 4 theory exam, Q4 2026',
  roomName: 'Room {n}',
};

const TABLES: LocaleTables<SessionFormTextKey> = { 'zh-CN': zh, en };

export type SessionFormText = PageText<SessionFormTextKey>;

export const sessionFormText = (lang: Locale): SessionFormText => textIn(TABLES, lang);

/** The default name of the n-th room (1-based): 第1考场 / Room 1. */
export function defaultRoomName(lang: Locale, n: number): string {
  return sessionFormText(lang)('roomName', { n });
}

export const SESSION_FORM_TEXT = TABLES;
