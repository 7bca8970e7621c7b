import { contextBridge, ipcRenderer } from 'electron';
import {
  CodedError,
  HostEventSchema,
  isChannelAllowed,
  unwrapAck,
  type Ack,
  type DesktopApi,
  type HostEvent,
  type IpcChannel,
  type WindowKind,
} from '@skillexam/shared';

/**
 * Exposes ONE narrow object as `window.desktop`; raw ipcRenderer never reaches the page.
 * Each window's preload passes its kind, so a kiosk page cannot even ask for bank channels.
 */
export function exposeDesktopApi(kind: WindowKind): void {
  const api = {
    transport: 'electron-ipc',
    async invoke(channel: IpcChannel, input: unknown) {
      if (!isChannelAllowed(kind, channel)) {
        throw new CodedError('FORBIDDEN', `Channel ${String(channel)} is not available here`);
      }
      const reply = (await ipcRenderer.invoke('desktop:invoke', channel, input)) as Ack<unknown>;
      return unwrapAck(reply);
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
  } as DesktopApi satisfies DesktopApi;
  contextBridge.exposeInMainWorld('desktop', api);
}
