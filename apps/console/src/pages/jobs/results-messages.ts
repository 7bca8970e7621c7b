import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * Strings of 上报评价中心 and 核对成绩包 on the 成绩导出 page (docs/decisions/0991, 0992), zh-CN
 * first with English; the verdicts themselves are the server's lines, as the CLI prints them.
 */

const zh = {
  pushTitle: '上报评价中心',
  pushHint:
    '把已导出的签名成绩包发给评价中心，中心核验签名、审计链并按答案重算每位考生的成绩。地址为本考点所有管理员共用。',
  centreUrl: '评价中心地址',
  centrePlaceholder: 'https://centre.example.cn',
  centreSavedBy: '上次使用：{by}，{at}',
  pushSession: '已导出成绩的场次',
  noExported: '请先导出一个已结束场次的成绩，再上报',
  push: '上报',
  accepted: '中心已接收',
  duplicate: '中心此前已接收该成绩包',
  centreRefused: '中心拒收',
  packageSent: '已发送 {file}（文件 SHA-256 {hash}…）',
  verifyTitle: '核对成绩包',
  verifyHint: '选择成绩包文件（.json）：服务器检查签名、审计链头签名，并按答案重算每位考生的成绩。',
  chooseResults: '选择成绩包并核对',
  verifyOk: '成绩包核对通过',
  verifyFailed: '成绩包核对失败',
};

type ResultsTextKey = keyof typeof zh;

const en: Record<ResultsTextKey, string> = {
  pushTitle: 'Push to the evaluation centre',
  pushHint:
    'Sends the exported signed results package to the centre, which checks the signature and the audit chain and re-derives every score. The address is shared by every admin of this site.',
  centreUrl: 'Centre address',
  centrePlaceholder: 'https://centre.example.cn',
  centreSavedBy: 'Last used by {by}, {at}',
  pushSession: 'Session with exported results',
  noExported: 'Export the results of an ended session first, then push them',
  push: 'Push',
  accepted: 'Accepted by the centre',
  duplicate: 'The centre already has this package',
  centreRefused: 'Refused by the centre',
  packageSent: 'Sent {file} (file SHA-256 {hash}…)',
  verifyTitle: 'Check a results package',
  verifyHint:
    'Choose a results package (.json): the server checks its signature and the chain-head signature and re-derives every score.',
  chooseResults: 'Choose a package and check it',
  verifyOk: 'Results package verified',
  verifyFailed: 'Results package refused',
};

const TABLES: LocaleTables<ResultsTextKey> = { 'zh-CN': zh, en };

export const useResultsText = pageTextHook(TABLES);

export const RESULTS_TEXT = TABLES;
