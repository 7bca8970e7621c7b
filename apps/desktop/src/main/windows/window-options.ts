import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowKind } from '@skillexam/shared';

export interface WindowOptionsInput {
  readonly kind: WindowKind;
  /** Absolute path of this window's own preload (least privilege per window). */
  readonly preloadPath: string;
  /** Exam builds never open devtools; author builds only in development. */
  readonly devtools: boolean;
}

/**
 * The BrowserWindow settings for each window, as a pure function so the security-critical
 * flags are unit tested (docs/architecture.md#electron-main): sandboxed, isolated, no Node in the
 * page.
 */
export function windowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  const kiosk = input.kind === 'kiosk';
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 768,
    show: false,
    backgroundColor: '#ffffff',
    title: '职业技能等级认定理论考试系统',
    autoHideMenuBar: true,
    kiosk,
    fullscreen: kiosk,
    alwaysOnTop: kiosk,
    closable: !kiosk,
    minimizable: !kiosk,
    skipTaskbar: kiosk,
    webPreferences: {
      preload: input.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !kiosk && input.devtools,
    },
  };
}
