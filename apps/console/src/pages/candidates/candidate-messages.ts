import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/* Strings of the 考生管理 page (docs/decisions/0976), zh-CN first with English. */

const zh = {
  title: '考生管理',
  search: '搜索准考证号、姓名、考场或身份证号后四位',
  photo: '照片',
  ticket: '准考证号',
  name: '姓名',
  seat: '座位',
  idNumber: '身份证号',
  room: '考场',
  status: '状态',
  withdrawn: '已撤销资格',
  withdrawnBy: '{by} 于 {at} 撤销：{reason}',
  addCandidate: '添加考生',
  addTitle: '添加考生（与名单导入相同的检查）',
  seatHint: '留空则安排该考场第一个空座位',
  extraMinutes: '延长时间/分钟',
  largeText: '大字体',
  highContrast: '高对比度',
  photoFile: '照片（JPEG/PNG，≤ 2 MB，可选）',
  choosePhoto: '选择照片',
  added: '已添加 {ticket}，座位 {seat}。请补发准考证（含考试码）。',
  withdraw: '撤销资格',
  withdrawTitle: '撤销 {name}（{ticket}）的考试资格',
  withdrawWarning:
    '撤销后该考生不能登录、座位释放、不计缺考、不进入成绩；开考前可恢复。此操作记入审计日志。',
  withdrawDone: '已撤销 {ticket} 的考试资格',
  reinstate: '恢复资格',
  reinstateTitle: '恢复 {name}（{ticket}）的考试资格',
  reinstateWarning:
    '恢复后原考试码重新有效；原座位已被占用时安排第一个空座位。此操作记入审计日志。',
  reinstateDone: '已恢复 {ticket}，座位 {seat}',
  reissue: '补发准考证',
  reissueConfirm: '为 {ticket} 生成新的考试码并下载准考证？旧准考证将失效。',
  reissued: '已下载 {file}',
  voidHint: '已登录或已开考：请在监考台作废试卷',
  total: '共 {n} 人，已撤销 {w} 人',
  reload: '刷新',
} as const;

export type CandidateTextKey = keyof typeof zh;

const en: Readonly<Record<CandidateTextKey, string>> = {
  title: 'Candidates',
  search: 'Ticket, name, room or ID number’s last 4',
  photo: 'Photo',
  ticket: 'Admission ticket',
  name: 'Name',
  seat: 'Seat',
  idNumber: 'ID number',
  room: 'Room',
  status: 'Status',
  withdrawn: 'Withdrawn',
  withdrawnBy: 'Withdrawn by {by} at {at}: {reason}',
  addCandidate: 'Add candidate',
  addTitle: 'Add a candidate (the roster import checks)',
  seatHint: 'Empty: the first free seat of the room',
  extraMinutes: 'Extra time (minutes)',
  largeText: 'Large text',
  highContrast: 'High contrast',
  photoFile: 'Photo (JPEG/PNG, ≤ 2 MB, optional)',
  choosePhoto: 'Choose photo',
  added: 'Added {ticket}, seat {seat}. Print their admission slip (exam code).',
  withdraw: 'Withdraw',
  withdrawTitle: 'Withdraw {name} ({ticket})',
  withdrawWarning:
    'A withdrawn candidate cannot sign in, their seat is freed, they are not absent and get no result; reinstate before the start. Audited.',
  withdrawDone: '{ticket} withdrawn',
  reinstate: 'Reinstate',
  reinstateTitle: 'Reinstate {name} ({ticket})',
  reinstateWarning:
    'Their old exam code works again; if their seat was taken they get the first free seat. Audited.',
  reinstateDone: '{ticket} reinstated, seat {seat}',
  reissue: 'Reissue slip',
  reissueConfirm:
    'Issue a new exam code for {ticket} and download the slip? The old slip stops working.',
  reissued: 'Downloaded {file}',
  voidHint: 'Signed in or started: void the paper in the monitor',
  total: '{n} candidates, {w} withdrawn',
  reload: 'Reload',
};

const TABLES: LocaleTables<CandidateTextKey> = { 'zh-CN': zh, en };

/** The page strings in the console's language. */
export const useCandidateText = pageTextHook(TABLES);

export const CANDIDATE_TEXT = TABLES;
