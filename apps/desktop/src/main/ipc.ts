import { dispatchIpc, fail, type IpcInvokeMap, type WindowKind } from '@skillexam/shared';
import type { IpcMain, WebContents } from 'electron';
import { isInternalUrl } from './security/navigation';

/** The single IPC channel; the contract's channel name travels as its first argument. */
export const INVOKE_CHANNEL = 'desktop:invoke';

/**
 * Routes every renderer call through the shared dispatcher, after checking that it comes
 * from one of our windows showing one of our pages. The window's kind decides its channels.
 */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: IpcInvokeMap,
  kindOf: (sender: WebContents) => WindowKind | undefined,
): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const kind = kindOf(event.sender);
    const frameUrl = event.senderFrame?.url ?? '';
    if (kind === undefined || !isInternalUrl(frameUrl)) {
      return fail('FORBIDDEN', 'Caller is not a SkillExam window');
    }
    return dispatchIpc(handlers, kind, channel, input);
  });
}
