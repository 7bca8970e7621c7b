/* The candidate timeline's action labels, zh-CN first with English (docs/decisions/0995). */

import type { Locale } from '@skillexam/shared';

/** How each audit action of a candidate reads in the panel's timeline (zh-CN). */
const TIMELINE_ZH: Readonly<Record<string, string>> = {
  'candidate.login': '登录',
  'candidate.login-failed': '登录失败',
  'candidate.locked': '登录锁定',
  'attempt.confirm-identity': '确认身份',
  'attempt.admit': '准入',
  'attempt.start': '开始作答',
  'attempt.pause': '暂停',
  'attempt.resume': '恢复',
  'attempt.extend': '补时',
  'attempt.extension-cap': '提高补时上限',
  'attempt.force-submit': '强制交卷',
  'attempt.submit': '交卷',
  'attempt.auto-submit': '到时自动交卷',
  'attempt.void': '试卷作废',
  'attempt.move': '调换座位',
  'attempt.unlock': '解除锁定',
  'auth.logout': '退出登录',
  'kiosk.focus_lost': '窗口失去焦点',
  'kiosk.focus_regained': '窗口恢复焦点',
  'kiosk.display_changed': '显示器变化',
  'kiosk.vm_suspected': '疑似虚拟机',
  'kiosk.remote_tool_found': '发现远程控制软件',
  'kiosk.client_restarted': '客户端重启',
  'kiosk.server_cert_mismatch': '考点服务器证书不符',
  'answer.rejected': '答案被服务器拒收',
  'incident.record': '考场记录',
};

const TIMELINE_EN: Readonly<Record<string, string>> = {
  'candidate.login': 'Logged in',
  'candidate.login-failed': 'Login failed',
  'candidate.locked': 'Login locked',
  'attempt.confirm-identity': 'Identity confirmed',
  'attempt.admit': 'Admitted',
  'attempt.start': 'Started',
  'attempt.pause': 'Paused',
  'attempt.resume': 'Resumed',
  'attempt.extend': 'Extra time',
  'attempt.extension-cap': 'Extension cap raised',
  'attempt.force-submit': 'Force-submitted',
  'attempt.submit': 'Submitted',
  'attempt.auto-submit': 'Auto-submitted at time',
  'attempt.void': 'Paper voided',
  'attempt.move': 'Moved seat',
  'attempt.unlock': 'Unlocked',
  'auth.logout': 'Logged out',
  'kiosk.focus_lost': 'Window lost focus',
  'kiosk.focus_regained': 'Window regained focus',
  'kiosk.display_changed': 'Display changed',
  'kiosk.vm_suspected': 'Virtual machine suspected',
  'kiosk.remote_tool_found': 'Remote-control software found',
  'kiosk.client_restarted': 'Client restarted',
  'kiosk.server_cert_mismatch': 'Server certificate mismatch',
  'answer.rejected': 'Answer rejected by the server',
  'incident.record': 'Incident record',
};

/** The label of an audit action in the console's language; the action itself when unknown. */
export function timelineLabel(kind: string, lang: Locale): string {
  return (lang === 'en' ? TIMELINE_EN[kind] : undefined) ?? TIMELINE_ZH[kind] ?? kind;
}
