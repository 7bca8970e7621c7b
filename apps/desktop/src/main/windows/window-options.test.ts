import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options';

describe('windowOptions', () => {
  it.each(['author', 'kiosk'] as const)('isolates the %s page from Node', (kind) => {
    const prefs = windowOptions({
      kind,
      preloadPath: `/app/preload/${kind}.cjs`,
      devtools: true,
    }).webPreferences;
    expect(prefs).toMatchObject({
      preload: `/app/preload/${kind}.cjs`,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('locks the kiosk full screen with no devtools, even when asked for', () => {
    const options = windowOptions({ kind: 'kiosk', preloadPath: '/p.cjs', devtools: true });
    expect(options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      closable: false,
      alwaysOnTop: true,
    });
    expect(options.webPreferences?.devTools).toBe(false);
  });

  it('leaves the author window a normal window at ≥ 1024×768', () => {
    const options = windowOptions({ kind: 'author', preloadPath: '/p.cjs', devtools: false });
    expect(options).toMatchObject({ kiosk: false, closable: true, minWidth: 1024, minHeight: 768 });
    expect(options.webPreferences?.devTools).toBe(false);
  });
});
