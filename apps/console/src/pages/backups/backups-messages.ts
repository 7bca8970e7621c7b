import type { LocaleTables } from '@skillexam/shared';
import { pageTextHook } from '../../i18n/page-text';

/*
 * Strings of the 备份与恢复 page and the 审计 page's 立即校验, zh-CN first with English, kept
 * beside the pages (docs/decisions/0981–0983); same `translate` mechanism as i18n/messages.ts.
 */

const zh = {
  folders: '备份目录 {backupDir}（保留最近 {keep} 个）· 数据目录 {dataDir}',
  noFolder: '此服务器的数据库在内存中，没有备份目录，不能备份。',
  noBackups: '备份目录中还没有备份',
  name: '文件名',
  time: '备份时间',
  size: '大小',
  head: '审计链头',
  actions: '操作',
  headOf: '#{seq} · {hash}…',
  noHead: '无链头文件',
  headUnreadable: '链头文件无法读取，恢复会拒绝此备份',
  download: '下载',
  downloadHead: '链头文件',
  restore: '恢复说明',
  refresh: '刷新',
  restoreTitle: '从备份恢复：{name}',
  notInConsole:
    '恢复不在控制台中进行：恢复前必须停止服务器（本服务器进程 pid {pid}），控制台随之断开。请在服务器电脑上按以下步骤操作。',
  step1:
    '停止服务器：在运行 proctor-server serve 的窗口按 Ctrl-C，或用系统的服务管理停止。服务器仍在运行时，恢复命令会拒绝执行。',
  step2:
    '运行恢复命令。它先检查备份文件（integrity_check），再用本考点的审计公钥和备份的链头文件校验审计链；任何一项不通过即停止，不改动任何数据。通过后，现有数据库改名保留为 server.db.replaced-<时间>，再放入备份。',
  step3: '按原来的方式重新启动服务器。考试机会自动重新连接。',
  step4: '在考场情况记录中记下这次恢复（时间、原因、使用的备份）。',
  reasonLabel: '恢复原因（必填，记入审计链）',
  reasonPlaceholder: '例如：服务器硬盘故障，换用备用服务器',
  reasonFirst: '先填写恢复原因，命令随之生成。',
  verifyOnly: '只校验、不恢复：',
  copy: '复制',
  copied: '已复制',
  lostTitle: '恢复后会怎样',
  lostAnswers:
    '备份时间之后仍在作答的考生：答案保存在各考试机的本机作答日志中，考试机重新连上服务器后与服务器核对，并自动补传服务器缺少的答案。',
  lostSubmitted:
    '备份时间之后已交卷、且考试机已与服务器核对一致的考生：考试机已删除本机日志，交卷和备份之后的答案无法从考试机补回，需按考场情况处理。',
  lostLogins:
    '备份时间之后才登录的考生：登录凭据不在恢复后的数据库中，考试机无法用原凭据重连，需要重新登录（准考证号和考试码）；答案仍在本机日志中。',
  lostOther:
    '备份时间之后在服务器上做的其他操作全部丢失，需要重做：检录放行、暂停与继续、补时、违纪与作废、事件记录、阅卷评分、人员、场次与名单设置、导入的试卷包和密钥。',
  lostClock: '计时按数据库继续，停机时间不会自动补给考生：由监考员暂停、继续场次或为考生补时。',
  keysNote:
    '备份不含密钥（数据目录下的 keys/）。恢复到另一台电脑时，先把本考点的 keys/ 目录复制到新数据目录，否则恢复会拒绝执行。',
  // 审计 page: 立即校验
  verifyNow: '立即校验',
  verifyHint:
    '上方状态为快速检查：审计链、签名检查点和链头文件，不重放答案和成绩；每次打开或刷新时重新计算，不缓存。「立即校验」运行与命令行相同的完整校验（含答案和成绩与审计记录的核对），考试进行中不可用。',
  fullResult: '完整校验结果',
  fullOk: '完整校验通过：{records} 条记录，{checkpoints} 个签名检查点',
  fullBroken: '完整校验发现 {count} 处问题',
  took: '用时 {ms} ms',
  cliEquivalent: '命令行等效命令（在服务器电脑上运行）：',
  warning: '警告',
};

type BackupTextKey = keyof typeof zh;

const en: Record<BackupTextKey, string> = {
  folders: 'Backup folder {backupDir} (newest {keep} kept) · data folder {dataDir}',
  noFolder: 'This server keeps its database in memory: there is no backup folder.',
  noBackups: 'No backups in the backup folder yet',
  name: 'File',
  time: 'Taken at',
  size: 'Size',
  head: 'Audit chain head',
  actions: 'Actions',
  headOf: '#{seq} · {hash}…',
  noHead: 'No chain-head file',
  headUnreadable: 'Chain-head file unreadable: restore will refuse this backup',
  download: 'Download',
  downloadHead: 'Chain-head file',
  restore: 'Restore steps',
  refresh: 'Refresh',
  restoreTitle: 'Restore from backup: {name}',
  notInConsole:
    'Restoring is not done from the console: the server must be stopped first (this server is pid {pid}), which ends the console. Follow these steps on the server computer.',
  step1:
    'Stop the server: Ctrl-C in the window running proctor-server serve, or stop it with the service manager. The restore command refuses to run while the server runs.',
  step2:
    "Run the restore command. It checks the backup file (integrity_check), then verifies its audit chain with the site's audit public key and the backup's chain-head file; if either fails it stops and changes nothing. Then the current database is kept as server.db.replaced-<time> and the backup put in its place.",
  step3: 'Start the server again as before. Exam PCs reconnect by themselves.',
  step4: 'Note the restore in the incident record (time, reason, backup used).',
  reasonLabel: 'Reason for the restore (required, written in the audit chain)',
  reasonPlaceholder: 'e.g. the server disk failed; moving to the spare server',
  reasonFirst: 'Type the reason first; the command includes it.',
  verifyOnly: 'Verify only, without restoring:',
  copy: 'Copy',
  copied: 'Copied',
  lostTitle: 'What a restore means',
  lostAnswers:
    "Candidates still answering after the backup time: their answers are in each exam PC's own journal; when the PC reconnects it compares with the server and resends every answer the server lacks.",
  lostSubmitted:
    'Candidates who submitted after the backup time and whose PC already matched the server: the PC deleted its journal, so the submission and answers after the backup cannot be recovered from it; handle them as an incident.',
  lostLogins:
    "Candidates who signed in after the backup time: their sign-in is not in the restored database, so the PC cannot reconnect with it and must sign in again (ticket and exam code); the answers are still in the PC's journal.",
  lostOther:
    'Everything else done on the server after the backup time is lost and must be redone: admissions, pauses and resumes, extra time, voids, incidents, marking, staff, session and roster changes, imported packages and keys.',
  lostClock:
    'Timing continues from the database: the downtime is not given back by itself; proctors pause and resume the session or give extra time.',
  keysNote:
    "Backups hold no keys (keys/ in the data folder). To restore on another computer, copy the site's keys/ folder into the new data folder first, or restore refuses.",
  verifyNow: 'Verify now',
  verifyHint:
    'The status above is the quick check: the audit chain, signed checkpoints and chain-head file, without replaying answers and scores; computed afresh each time the page opens or refreshes, never cached. "Verify now" runs the same full check as the command line (answers and scores checked against the audit records); not while a session is under way.',
  fullResult: 'Full verification',
  fullOk: 'Full verification passed: {records} records, {checkpoints} signed checkpoints',
  fullBroken: 'Full verification found {count} problems',
  took: 'took {ms} ms',
  cliEquivalent: 'The same on the command line (on the server computer):',
  warning: 'Warning',
};

const TABLES: LocaleTables<BackupTextKey> = { 'zh-CN': zh, en };

/** The page strings in the console's language. */
export const useBackupText = pageTextHook(TABLES);

export const BACKUP_TEXT = TABLES;
