import { contextBridge, ipcRenderer } from 'electron';
import {
  CodedError,
  HostEventSchema,
  createDesktopApi,
  isChannelAllowed,
  type HostEvent,
  type WindowKind,
  type WireReply,
} from '@skillexam/shared';

/**
 * Exposes ONE narrow object as `window.desktop`; raw ipcRenderer never reaches the page.
 * Each window's preload passes its kind, so a kiosk page cannot even ask for bank channels.
 */
export function exposeDesktopApi(kind: WindowKind): void {
  const api = createDesktopApi({
    transport: 'electron-ipc',
    async send(channel, input) {
      if (!isChannelAllowed(kind, channel)) {
        throw new CodedError('FORBIDDEN', `Channel ${String(channel)} is not available here`);
      }
      // main/ipc.ts answers every call with the ack dispatchIpc built.
      const reply: WireReply = await ipcRenderer.invoke('desktop:invoke', channel, input);
      return reply;
    },
    subscribe(listener: (event: HostEvent) => void) {
      const onEvent = (_event: unknown, payload: unknown) => {
        const parsed = HostEventSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      };
      ipcRenderer.on('desktop:event', onEvent);
      return () => {
        ipcRenderer.removeListener('desktop:event', onEvent);
      };
    },
  });
  contextBridge.exposeInMainWorld('desktop', api);
}
