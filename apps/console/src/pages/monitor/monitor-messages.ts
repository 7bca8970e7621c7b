import type { Locale, LocaleTables } from '@skillexam/shared';
import { pageTextHook, textIn, type PageText } from '../../i18n/page-text';

/*
 * Strings of the monitor page (count tiles, kiosk reports, seat legend), zh-CN first with
 * English, kept beside the page; same `translate` mechanism as i18n/messages.ts.
 */

const zh = {
  notLoggedIn: '未登录',
  loggedIn: '已登录',
  awaitingAdmission: '待审核',
  inProgress: '作答中',
  paused: '暂停',
  offline: '离线',
  submitted: '已交卷',
  kiosk_focus_lost: '窗口失去焦点',
  kiosk_focus_regained: '窗口恢复焦点',
  kiosk_display_changed: '显示器变化',
  kiosk_vm_suspected: '疑似虚拟机',
  kiosk_remote_tool_found: '发现远程控制软件',
  kiosk_client_restarted: '客户端重启',
  kiosk_server_cert_mismatch: '考点服务器证书不符',
  kiosk_answer_rejected: '答案被服务器拒收',
  tone_empty: '空座',
  tone_idle: '未登录',
  tone_absent: '缺考',
  tone_waiting: '已登录/待准入',
  tone_active: '作答中',
  tone_paused: '暂停',
  tone_offline: '离线',
  tone_done: '已交卷',
  tone_voided: '作废',
  absentEmpty: '考生登录截止后显示缺考名单',
};

export type MonitorTextKey = keyof typeof zh;

const en: Record<MonitorTextKey, string> = {
  notLoggedIn: 'Not logged in',
  loggedIn: 'Logged in',
  awaitingAdmission: 'Awaiting admission',
  inProgress: 'Answering',
  paused: 'Paused',
  offline: 'Offline',
  submitted: 'Submitted',
  kiosk_focus_lost: 'Window lost focus',
  kiosk_focus_regained: 'Window regained focus',
  kiosk_display_changed: 'Display changed',
  kiosk_vm_suspected: 'Virtual machine suspected',
  kiosk_remote_tool_found: 'Remote-control software found',
  kiosk_client_restarted: 'Client restarted',
  kiosk_server_cert_mismatch: 'Site server certificate mismatch',
  kiosk_answer_rejected: 'Answer refused by the server',
  tone_empty: 'Empty seat',
  tone_idle: 'Not logged in',
  tone_absent: 'Absent',
  tone_waiting: 'Logged in / awaiting admission',
  tone_active: 'Answering',
  tone_paused: 'Paused',
  tone_offline: 'Offline',
  tone_done: 'Submitted',
  tone_voided: 'Voided',
  absentEmpty: 'The absent list appears after the login cutoff',
};

const TABLES: LocaleTables<MonitorTextKey> = { 'zh-CN': zh, en };

export type MonitorText = PageText<MonitorTextKey>;

/** The monitor's strings in `lang`. */
export const monitorText = (lang: Locale): MonitorText => textIn(TABLES, lang);

/** The monitor's strings in the console's language. */
export const useMonitorText = pageTextHook(TABLES);

/** How a kiosk report reads; an unknown kind (a newer kiosk) shows as sent. */
export function kioskLabel(text: MonitorText, kind: string): string {
  const key = `kiosk_${kind}`;
  return Object.hasOwn(zh, key) ? text(key as MonitorTextKey) : kind;
}

export const MONITOR_TEXT = TABLES;
