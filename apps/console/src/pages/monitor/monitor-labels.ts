import type { StatusCounts } from '../../store/counts';

/** The status tiles above the seat map, in order. */
export const COUNT_TILES: readonly { key: keyof StatusCounts; label: string; color: string }[] = [
  { key: 'notLoggedIn', label: '未登录', color: '#8c8c8c' },
  { key: 'loggedIn', label: '已登录', color: '#1677ff' },
  { key: 'awaitingAdmission', label: '待审核', color: '#2f54eb' },
  { key: 'inProgress', label: '作答中', color: '#389e0d' },
  { key: 'paused', label: '暂停', color: '#d48806' },
  { key: 'offline', label: '离线', color: '#cf1322' },
  { key: 'submitted', label: '已交卷', color: '#722ed1' },
];

/** How each kiosk report reads in the event lists. */
export const KIOSK_LABELS: Readonly<Record<string, string>> = {
  focus_lost: '窗口失去焦点',
  focus_regained: '窗口恢复焦点',
  display_changed: '显示器变化',
  vm_suspected: '疑似虚拟机',
  remote_tool_found: '发现远程控制软件',
  client_restarted: '客户端重启',
  server_cert_mismatch: '考点服务器证书不符',
  answer_rejected: '答案被服务器拒收',
};

/** The seat map's legend. */
export const TONE_LABELS = {
  empty: '空座',
  idle: '未登录',
  waiting: '已登录/待准入',
  active: '作答中',
  paused: '暂停',
  offline: '离线',
  done: '已交卷',
  voided: '作废',
} as const;
