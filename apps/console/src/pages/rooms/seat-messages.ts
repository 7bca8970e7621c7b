import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * Strings of the seat page's 排座 parts (automatic and manual assignment, 座位表 and 门贴),
 * zh-CN first with English, beside the page like pages/keys/admin-messages.ts.
 */

const zh = {
  modeEdit: '编辑座位图',
  modeAssign: '排座',
  modeLabel: '座位图模式',
  assignHelp: '点击座位为其安排考生；已有考生的座位将与所选考生互换。',
  checkInOpen: '本场次已开始检录，不能再在此排座。请在监考台使用「调座」调换考生座位。',
  toMonitor: '前往监考台',
  seatEmpty: '空座',
  seatWord: '座位',
  seatWith: '座位 {label}：{name}（{ticket}）',
  seatFree: '座位 {label}：空座',
  autoTitle: '自动排座',
  autoHelp:
    '按准考证号顺序或随机，从前排左侧起逐行排入可用座位。先预览，确认后保存；随机排座的种子记入审计日志。',
  scope: '范围',
  scopeRoom: '本考场',
  scopeSession: '整个场次（按考场依次排满）',
  order: '顺序',
  orderAdmission: '按准考证号',
  orderRandom: '随机排座',
  preview: '预览',
  previewOf: '预览：{count} 名考生',
  seed: '随机种子',
  saveSeats: '保存排座',
  saveConfirm: '按预览结果保存排座？此操作记入审计日志。',
  seatsSaved: '排座已保存：{count} 名考生',
  colTicket: '准考证号',
  colName: '姓名',
  colFrom: '原座位',
  colTo: '新座位',
  assignTitle: '安排座位 {label}（{room}）',
  candidate: '考生',
  candidatePlaceholder: '输入准考证号或姓名搜索',
  swapWarning: '该座位已有考生 {name}（{ticket}），确认后两人互换座位。',
  moveNote: '{name} 现在的座位：{room} {label}',
  assignOk: '确认安排',
  assigned: '已安排：{text}',
  chartPdf: '打印座位表 (PDF)',
  doorPdf: '打印门贴 (PDF)',
  downloaded: '已下载: {name}',
  cancel: '取消',
};

export type SeatTextKey = keyof typeof zh;

const en: Readonly<Record<SeatTextKey, string>> = {
  modeEdit: 'Edit seat map',
  modeAssign: 'Seat candidates',
  modeLabel: 'Seat map mode',
  assignHelp: 'Click a seat to put a candidate on it; an occupied seat swaps the two candidates.',
  checkInOpen:
    'Check-in has opened for this session: seats can no longer be changed here. Use “Move seat” in the monitor.',
  toMonitor: 'Go to the monitor',
  seatEmpty: 'Empty',
  seatWord: 'Seat',
  seatWith: 'Seat {label}: {name} ({ticket})',
  seatFree: 'Seat {label}: empty',
  autoTitle: 'Automatic seating',
  autoHelp:
    'By admission ticket number or at random, row by row from the front left onto the usable seats. Preview first, then save; the random draw’s seed is recorded in the audit log.',
  scope: 'Scope',
  scopeRoom: 'This room',
  scopeSession: 'Whole session (rooms filled in turn)',
  order: 'Order',
  orderAdmission: 'By ticket number',
  orderRandom: 'Random',
  preview: 'Preview',
  previewOf: 'Preview: {count} candidates',
  seed: 'Random seed',
  saveSeats: 'Save seating',
  saveConfirm: 'Save the seating as previewed? This is audited.',
  seatsSaved: 'Seating saved: {count} candidates',
  colTicket: 'Ticket number',
  colName: 'Name',
  colFrom: 'From',
  colTo: 'To',
  assignTitle: 'Seat {label} ({room})',
  candidate: 'Candidate',
  candidatePlaceholder: 'Search by ticket number or name',
  swapWarning: '{name} ({ticket}) sits here: confirming swaps the two candidates.',
  moveNote: '{name} now sits at {room} {label}',
  assignOk: 'Assign',
  assigned: 'Assigned: {text}',
  chartPdf: 'Seating chart (PDF)',
  doorPdf: 'Door list (PDF)',
  downloaded: 'Downloaded: {name}',
  cancel: 'Cancel',
};

const TABLES: LocaleTables<SeatTextKey> = { 'zh-CN': zh, en };

/** The seat page's strings in the console's language. */
export const useSeatText = pageTextHook(TABLES);

export const SEAT_TEXT = TABLES;
