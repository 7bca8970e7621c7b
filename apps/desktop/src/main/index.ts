import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  powerSaveBlocker,
  protocol,
  screen,
  session,
  type WebContents,
} from 'electron';
import { ExamService } from '../host/exam-agent/exam-service';
import type { HostEvent, KioskEnrollment, WindowKind } from '@skillexam/shared';
import { enrollmentPath, loadKioskEnrollment } from '../host/exam-agent/kiosk-enrollment';
import { createHostHandlers } from '../host/host-handlers';
import { DESKTOP_VERSION } from '../host/version';
import { registerAppProtocol } from './app-protocol';
import { computeClientIntegrity } from './bundled-code';
import { createExitGate } from './exit-control';
import { registerIpc } from './ipc';
import { startKioskMonitor } from './kiosk-monitor';
import { APP_ORIGIN, isInternalUrl } from './security/navigation';
import { isExitCombo } from './security/exit-decision';
import { isBlockedShortcut } from './security/shortcuts';
import { windowOptions } from './windows/window-options';

/*
 * Electron wiring only; every decision lives in a pure, unit-tested module.
 * Mode: `--mode=kiosk` (exam) or `--mode=author` (default), or SKILLEXAM_MODE.
 */
const modeArg = process.argv.find((arg) => arg.startsWith('--mode='))?.slice('--mode='.length);
const kind: WindowKind =
  (modeArg ?? process.env['SKILLEXAM_MODE']) === 'kiosk' ? 'kiosk' : 'author';
const windowKinds = new WeakMap<WebContents, WindowKind>();

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isInternalUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isInternalUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

async function createWindow(exam: ExamService): Promise<void> {
  const preloadPath = join(__dirname, '..', 'preload', `${kind}.cjs`);
  const win = new BrowserWindow(windowOptions({ kind, preloadPath, devtools: !app.isPackaged }));
  windowKinds.set(win.webContents, kind);
  win.webContents.on('before-input-event', (event, input) => {
    if (kind === 'kiosk' && isExitCombo(input)) {
      event.preventDefault();
      win.webContents.send('desktop:event', { type: 'kiosk:exit-requested' } satisfies HostEvent);
      return;
    }
    if (isBlockedShortcut(kind, input)) event.preventDefault();
  });
  win.once('ready-to-show', () => win.show());
  if (kind === 'kiosk') {
    // Screenshots and screen recorders get a black window; the display never sleeps mid-exam.
    win.setContentProtection(true);
    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    const stopMonitor = startKioskMonitor(win, screen, exam);
    win.on('closed', () => {
      stopMonitor();
      powerSaveBlocker.stop(blocker);
    });
  }
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(async () => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(protocol, join(__dirname, '..', 'renderer'));
  const journalDir = join(app.getPath('userData'), 'journals');
  mkdirSync(journalDir, { recursive: true });
  const publish = (event: HostEvent) => {
    for (const win of BrowserWindow.getAllWindows()) win.webContents.send('desktop:event', event);
  };
  const settingsFile = join(app.getPath('userData'), 'kiosk-settings.json');
  let clientIntegrity: string | undefined;
  try {
    clientIntegrity = computeClientIntegrity(join(__dirname, '..'));
  } catch {
    clientIntegrity = undefined; // an unbundled dev run: the server decides whether that is allowed
  }
  // This PC's enrollment (docs/decisions/0216): without it the server refuses kiosk logins.
  let enrollment: KioskEnrollment | undefined;
  let enrollmentProblem: string | undefined;
  try {
    enrollment = loadKioskEnrollment(
      enrollmentPath(process.argv, process.env, app.getPath('userData')),
    );
  } catch (error) {
    // e.g. an outdated format /1 file: the login screen shows why (re-enroll this PC)
    enrollmentProblem = (error as Error).message;
    process.stderr.write(`${enrollmentProblem}\n`);
    enrollment = undefined;
  }
  // One ExamService: the IPC handlers and the kiosk monitor's detections share it.
  const exam = new ExamService({
    journalDir,
    clientKind: 'kiosk',
    publish,
    settingsFile,
    ...(clientIntegrity === undefined ? {} : { clientIntegrity }),
    ...(enrollment === undefined ? {} : { enrollment }),
    ...(enrollmentProblem === undefined ? {} : { enrollmentProblem }),
    exit: createExitGate({
      settingsFile,
      ...(enrollment === undefined ? {} : { enrollment }),
      quit: () => {
        exam.close();
        for (const win of BrowserWindow.getAllWindows()) win.setClosable(true);
        app.exit(0);
      },
    }),
  });
  registerIpc(
    ipcMain,
    createHostHandlers({
      runtime: 'electron',
      version: DESKTOP_VERSION,
      journalDir,
      settingsFile,
      publish,
      exam,
    }),
    (sender) => windowKinds.get(sender),
  );
  await createWindow(exam);
});

app.on('window-all-closed', () => app.quit());
