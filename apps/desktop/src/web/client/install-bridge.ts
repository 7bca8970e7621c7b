import { createWebBridge } from './web-bridge';

// Loaded before the renderer bundle by the web shell's index.html; in Electron the preload
// script defines window.desktop instead, and this file is never loaded.
if (!Object.hasOwn(window, 'desktop')) {
  Object.defineProperty(window, 'desktop', {
    value: Object.freeze(createWebBridge(window.location.href)),
    writable: false,
    configurable: false,
  });
}
