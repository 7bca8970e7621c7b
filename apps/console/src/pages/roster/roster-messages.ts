import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * Strings of the 考生名单 page kept beside it, zh-CN first with English (the shared catalogue
 * i18n/messages.ts holds the older ones); same `translate` mechanism.
 */

const zh = {
  seatAuto: '自动',
  seatAutoHint: '名单中座位号为空：导入时按准考证号顺序排在本考场的空座位上',
  seatNone: '无空座位',
  seatsAutoCount: '{count} 名考生未填座位号，将自动排座',
  columnsHelp:
    '列：准考证号、姓名、身份证号、考场（必填）；照片、座位号、延长时间/分钟、大字体、高对比度（可选）。座位号可留空或不设此列：导入时按准考证号顺序排在该考场座位图的空座位上。',
};

export type RosterTextKey = keyof typeof zh;

const en: Readonly<Record<RosterTextKey, string>> = {
  seatAuto: 'auto',
  seatAutoHint:
    'The roster leaves the seat empty: the import seats candidates on the free seats of the room in admission-ticket order',
  seatNone: 'no free seat',
  seatsAutoCount: '{count} candidates without a seat number will be seated automatically',
  columnsHelp:
    'Columns: 准考证号, 姓名, 身份证号, 考场 (required); 照片, 座位号, 延长时间/分钟, 大字体, 高对比度 (optional). 座位号 may be empty or missing: the import seats those candidates on the free seats of the room’s seat map in admission-ticket order.',
};

const TABLES: LocaleTables<RosterTextKey> = { 'zh-CN': zh, en };

/** The page strings in the console's language. */
export const useRosterText = pageTextHook(TABLES);

export const ROSTER_TEXT = TABLES;
