import { translate, type LocaleTables, type MessageParams } from '@skillexam/shared';
import { useConsole } from '../../console-context';

/*
 * Strings of the 考生名单 page kept beside it, zh-CN first with English (the shared catalogue
 * i18n/messages.ts holds the older ones); same `translate` mechanism.
 */

const zh = {
  seatAuto: '自动',
  seatAutoHint: '名单中座位号为空：导入时按准考证号顺序排在本考场的空座位上',
  seatNone: '无空座位',
  seatsAutoCount: '{count} 名考生未填座位号，将自动排座',
};

export type RosterTextKey = keyof typeof zh;

const en: Readonly<Record<RosterTextKey, string>> = {
  seatAuto: 'auto',
  seatAutoHint:
    'The roster leaves the seat empty: the import seats candidates on the free seats of the room in admission-ticket order',
  seatNone: 'no free seat',
  seatsAutoCount: '{count} candidates without a seat number will be seated automatically',
};

const TABLES: LocaleTables<RosterTextKey> = { 'zh-CN': zh, en };

/** The page strings in the console's language. */
export function useRosterText(): (key: RosterTextKey, params?: MessageParams) => string {
  const { lang } = useConsole();
  return (key, params) => translate(TABLES, lang, key, params);
}

export const ROSTER_TEXT = TABLES;
