import { translate, type Locale, type LocaleTables, type MessageParams } from '@skillexam/shared';
import { AUDIT_EN, AUDIT_ZH } from './audit-messages';
import { PAGE_EN, PAGE_ZH } from './page-messages';

/* The centre UI's strings, zh-CN first with English, looked up by the shared i18n mechanism. */

const zh = {
  appTitle: '评价中心',
  appSubtitle: '职业技能等级认定 · 成绩汇总与证书',
  login: '登录',
  logout: '退出',
  username: '用户名',
  password: '密码',
  loginFailed: '登录失败',
  language: 'English',
  home: '概览',
  packages: '成绩包',
  sites: '考点',
  batches: '认定批次',
  certificates: '证书',
  ranges: '号段',
  supervision: '质量督导',
  organisations: '评价机构',
  staff: '人员',
  publicLookup: '证书公开查询',
  role_centre_admin: '中心管理员',
  role_org_staff: '评价机构人员',
  role_supervisor: '质量督导员',
  refresh: '刷新',
  loading: '加载中…',
  nothingYet: '暂无数据',
  ...PAGE_ZH,
  ...AUDIT_ZH,
} as const;

export type MessageKey = keyof typeof zh;

const en: Readonly<Record<MessageKey, string>> = {
  appTitle: 'Evaluation centre',
  appSubtitle: 'Vocational skill certification · results and certificates',
  login: 'Log in',
  logout: 'Log out',
  username: 'User name',
  password: 'Password',
  loginFailed: 'Login failed',
  language: '中文',
  home: 'Overview',
  packages: 'Results packages',
  sites: 'Sites',
  batches: 'Batches',
  certificates: 'Certificates',
  ranges: 'Number ranges',
  supervision: 'Supervision',
  organisations: 'Organisations',
  staff: 'Staff',
  publicLookup: 'Public certificate lookup',
  role_centre_admin: 'Centre admin',
  role_org_staff: 'Organisation staff',
  role_supervisor: 'Supervisor',
  refresh: 'Refresh',
  loading: 'Loading…',
  nothingYet: 'Nothing yet',
  ...PAGE_EN,
  ...AUDIT_EN,
};

export const MESSAGES: LocaleTables<MessageKey> = { 'zh-CN': zh, en };

export function message(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(MESSAGES, locale, key, params);
}
