import { translate, type Locale, type LocaleTables, type MessageParams } from '@skillexam/shared';

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

export type SessionFormText = (key: SessionFormTextKey, params?: MessageParams) => string;

export function sessionFormText(lang: Locale): SessionFormText {
  return (key, params) => translate(TABLES, lang, key, params);
}

/** The default name of the n-th room (1-based): 第1考场 / Room 1. */
export function defaultRoomName(lang: Locale, n: number): string {
  return sessionFormText(lang)('roomName', { n });
}

export const SESSION_FORM_TEXT = TABLES;
