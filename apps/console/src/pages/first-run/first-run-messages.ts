import type { Locale, LocaleTables } from '@skillexam/shared';
import { textIn, type PageText } from '../../i18n/page-text';

/*
 * Strings of the first-run card on the login page (docs/decisions/0972), zh-CN first with
 * English. The login page is outside the console context, so the language is passed in.
 */

const zh = {
  title: '首次使用 — 创建考务管理员',
  intro: '本考点服务器还没有考务管理员账号。请输入服务器启动时显示的设置码，创建第一个考务管理员。',
  whereTitle: '设置码在哪里？',
  whereWindow:
    '在运行 proctor-server serve 的服务器窗口中：「首次使用：在控制台输入设置码 XXXX-XXXX-XXXX 创建考务管理员」。',
  whereFile: '或在服务器数据目录中的 first-run-code.txt 文件里（仅服务器电脑的管理员可读）。',
  whereOnce: '设置码只能使用一次；重新启动服务器会生成新的设置码。',
  setupCode: '设置码',
  setupCodePlaceholder: 'XXXX-XXXX-XXXX',
  username: '管理员用户名',
  usernameHint: '2–64 位字母、数字、_ . -',
  password: '密码',
  passwordHint: '至少 10 个字符',
  repeatPassword: '再次输入密码',
  passwordsDiffer: '两次输入的密码不一致',
  required: '请填写此项',
  create: '创建并登录',
  failed: '未能创建考务管理员',
  haveAccount: '已有账号？去登录',
} as const;

export type FirstRunTextKey = keyof typeof zh;

const en: Readonly<Record<FirstRunTextKey, string>> = {
  title: 'First run — create the exam admin',
  intro:
    'This site server has no exam admin account yet. Enter the set-up code the server showed when it started to create the first exam admin.',
  whereTitle: 'Where is the set-up code?',
  whereWindow:
    'In the window running proctor-server serve: “首次使用：在控制台输入设置码 XXXX-XXXX-XXXX 创建考务管理员”.',
  whereFile:
    'Or in the file first-run-code.txt in the server’s data folder (readable only by the server PC’s administrator).',
  whereOnce: 'The code works once; restarting the server makes a new one.',
  setupCode: 'Set-up code',
  setupCodePlaceholder: 'XXXX-XXXX-XXXX',
  username: 'Admin username',
  usernameHint: '2–64 letters, digits, _ . -',
  password: 'Password',
  passwordHint: 'At least 10 characters',
  repeatPassword: 'Repeat the password',
  passwordsDiffer: 'The two passwords differ',
  required: 'Required',
  create: 'Create and log in',
  failed: 'The exam admin was not created',
  haveAccount: 'Have an account? Log in',
};

export const FIRST_RUN_TEXT: LocaleTables<FirstRunTextKey> = { 'zh-CN': zh, en };

/** The card's strings in `lang`. */
export const firstRunText = (lang: Locale): PageText<FirstRunTextKey> =>
  textIn(FIRST_RUN_TEXT, lang);
