import type { DesktopApi } from '@skillexam/shared';

declare global {
  interface Window {
    /** The one bridge to the host: Electron's preload or the web shell's WebSocket client. */
    readonly desktop: DesktopApi;
  }
}
