import type { HostInfo, IpcInvokeMap } from '@skillexam/shared';
import { practicePaper } from './practice-paper';

export interface HostOptions {
  readonly runtime: HostInfo['runtime'];
  readonly version: string;
  readonly now?: () => Date;
}

/**
 * The Node services behind `window.desktop`, as one handler per IPC channel.
 * Runs under plain Node (web shell, tests) and inside Electron's main process alike.
 */
export function createHostHandlers(options: HostOptions): IpcInvokeMap {
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  return {
    'app:getInfo': async (_input, context) => ({
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
    'exam:practicePaper': async () => practicePaper(),
  };
}
