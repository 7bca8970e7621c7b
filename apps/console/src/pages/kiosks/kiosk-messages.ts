import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/* Strings of the 考试机 page (docs/decisions/0984), zh-CN first with English. */

const zh = {
  title: '考试机',
  hint: '每台考试机凭登记文件 enrollment.json 接入本考点，与命令 proctor-server kiosk enroll 相同。注销后该机立即不能再登录，其考生登录和退出授权一并失效。',
  enroll: '登记考试机',
  enrollTitle: '登记一台考试机',
  name: '考试机名称',
  nameHint: '例如：第1考场-01',
  serverUrl: '考点服务器地址（可选）',
  serverUrlHint: '留空则考试机在局域网内自动发现考点服务器',
  siteName: '考点名称（可选，写入文件）',
  kioskId: '考试机 ID',
  enrolledAt: '登记时间',
  enrolledBy: '登记人',
  lastSeen: '最近登录',
  status: '状态',
  live: '有效',
  revoked: '已注销',
  reenroll: '需重新登记',
  never: '从未登录',
  revoke: '注销',
  revokeTitle: '注销考试机 {name}',
  revokeWarning:
    '注销后该机的登录立即被拒绝，在该机登录的考生被登出（答案已保存），未使用的退出授权作废。此操作记入审计日志。',
  revokedDone: '已注销 {name}',
  fileTitle: '{name} 的登记文件',
  fileHint:
    '此文件含该考试机的私钥，只在此处提供一次：请立即下载，复制到该考试机的应用数据目录（文件名 enrollment.json），然后删除其他副本。关闭后无法再次获取，只能注销后重新登记。',
  download: '下载 enrollment.json',
  downloaded: '已下载',
  closeFile: '我已保存到考试机',
  empty: '尚未登记考试机',
} as const;

export type KioskTextKey = keyof typeof zh;

const en: Readonly<Record<KioskTextKey, string>> = {
  title: 'Exam PCs',
  hint: 'Each exam PC joins this site with its enrollment.json, as proctor-server kiosk enroll makes it. A revoked PC cannot log in again; its candidate logins and exit grants end.',
  enroll: 'Enroll a PC',
  enrollTitle: 'Enroll an exam PC',
  name: 'PC name',
  nameHint: 'e.g. Room1-01',
  serverUrl: 'Server URL (optional)',
  serverUrlHint: 'Empty: the PC finds the site server on the LAN itself',
  siteName: 'Site name (optional, printed in the file)',
  kioskId: 'PC id',
  enrolledAt: 'Enrolled',
  enrolledBy: 'Enrolled by',
  lastSeen: 'Last login',
  status: 'Status',
  live: 'Active',
  revoked: 'Revoked',
  reenroll: 'Re-enroll',
  never: 'Never',
  revoke: 'Revoke',
  revokeTitle: 'Revoke exam PC {name}',
  revokeWarning:
    'Its logins are refused at once, candidates logged in on it are signed out (answers are kept) and its unused exit grants end. This is audited.',
  revokedDone: 'Revoked {name}',
  fileTitle: 'Enrollment file of {name}',
  fileHint:
    "This file holds the PC's private key and is offered only here, once: download it now, copy it into the PC's app data folder as enrollment.json, then delete other copies. After closing it cannot be fetched again; revoke and enroll anew.",
  download: 'Download enrollment.json',
  downloaded: 'Downloaded',
  closeFile: 'Saved on the PC',
  empty: 'No exam PC enrolled yet',
};

const TABLES: LocaleTables<KioskTextKey> = { 'zh-CN': zh, en };

/** The 考试机 page strings in the console's language. */
export const useKioskText = pageTextHook(TABLES);
