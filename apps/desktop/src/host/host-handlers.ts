import type { HostEvent, HostInfo, IpcInvokeMap } from '@skillexam/shared';
import { dirname, join } from 'node:path';
import { createBankHandlers } from './bank/bank-handlers';
import { BankOperations } from './bank/bank-operations';
import { BankService } from './bank/bank-service';
import { ExamService } from './exam-agent/exam-service';
import { practicePaper } from './practice-paper';

export interface HostOptions {
  readonly runtime: HostInfo['runtime'];
  readonly version: string;
  readonly now?: () => Date;
  /** Where exam journals live (one journal.db per attempt). */
  readonly journalDir: string;
  /** The kiosk settings file (remembered server address). */
  readonly settingsFile?: string;
  /** Sends a host event to every renderer. */
  readonly publish?: (event: HostEvent) => void;
  /** Electron's main passes its own, to report kiosk detections into it. */
  readonly exam?: ExamService;
  /** The enrolled site's CA fingerprint: exam logins go only to that server (decision 0232). */
  readonly expectedFingerprint?: string;
  /** Where the author workbench keeps its .qbank files and authors.json (default: beside the journals). */
  readonly bankDir?: string;
}

/**
 * The Node services behind `window.desktop`, as one handler per IPC channel.
 * Runs under plain Node (web shell, tests) and inside Electron's main process alike.
 */
export function createHostHandlers(options: HostOptions): IpcInvokeMap {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const exam =
    options.exam ??
    new ExamService({
      journalDir: options.journalDir,
      clientKind: options.runtime === 'electron' ? 'kiosk' : 'web',
      publish: options.publish ?? (() => undefined),
      ...(options.settingsFile === undefined ? {} : { settingsFile: options.settingsFile }),
      ...(options.expectedFingerprint === undefined
        ? {}
        : { expectedFingerprint: options.expectedFingerprint }),
    });
  const bank = new BankService({
    bankDir: options.bankDir ?? join(dirname(options.journalDir), 'banks'),
    workers: true,
  });
  const operations = new BankOperations(options.publish ?? (() => undefined));
  return {
    ...createBankHandlers(bank, operations),
    'app:get-info': async (_input, context) => ({
      product: 'SkillExam',
      version: options.version,
      runtime: options.runtime,
      windowKind: context.windowKind,
      nodeVersion: process.version,
      platform: process.platform,
      pid: process.pid,
      startedAt,
    }),
    'app:echo': async ({ message }) => ({ message, receivedAt: now().toISOString() }),
    'exam:practice-paper': async () => practicePaper(),
    'exam:login': (input) => exam.login(input),
    'exam:status': async () => exam.status(),
    'exam:confirm-identity': () => exam.confirmIdentity(),
    'exam:resume': () => exam.resume(),
    'exam:answer': async (input) => exam.answer(input),
    'exam:position': async ({ itemId }) => exam.position(itemId),
    'exam:flag': async ({ itemId, flagged }) => exam.flag(itemId, flagged),
    'exam:submit': () => exam.submit(),
    'exam:identity': () => exam.identity(),
    'exam:discover-servers': () => exam.discoverServers(),
    'exam:exit': (input) => exam.exit(input),
  };
}
