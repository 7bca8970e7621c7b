import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../i18n/page-text';

/*
 * Strings of the shared monitor components (seat map, score histogram, candidate panel), zh-CN
 * first with English; same `translate` mechanism as i18n/messages.ts.
 */

const zh = {
  seatRejected: '答案被拒收',
  seatAbsent: '缺考',
  histogramCount: '人数',
  saveRejectedAlert: '考生的答案未被服务器接受，请到考生机位查看',
};

export type ComponentTextKey = keyof typeof zh;

const en: Record<ComponentTextKey, string> = {
  seatRejected: 'Answer refused',
  seatAbsent: 'Absent',
  histogramCount: 'Candidates',
  saveRejectedAlert: "The server refused one of this candidate's answers: check the kiosk",
};

const TABLES: LocaleTables<ComponentTextKey> = { 'zh-CN': zh, en };

/** The components' strings in the console's language. */
export const useComponentText = pageTextHook(TABLES);

export const COMPONENT_TEXT = TABLES;
