import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './support/electron-binary';

const binary = findElectronBinary();
const desktopDir = fileURLToPath(new URL('..', import.meta.url));

test.describe('Electron window', () => {
  test.skip(
    'missing' in binary,
    `Electron test skipped: ${'missing' in binary ? binary.missing : ''}`,
  );
  if ('missing' in binary) console.log(`[electron-window] skipped: ${binary.missing}`);

  test('opens the author window sandboxed, with the bridge working and navigation locked', async () => {
    if (!('path' in binary)) return;
    const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'all'], {
      cwd: desktopDir,
      stdio: 'inherit',
    });
    expect(build.status).toBe(0);
    const app = await electron.launch({
      executablePath: binary.path,
      args: ['--no-sandbox', `${desktopDir}dist/main/index.cjs`, '--mode=author'],
      cwd: desktopDir,
    });
    try {
      const page = await app.firstWindow();
      await expect(page.getByTestId('app-title')).toHaveText('职业技能等级认定理论考试系统');
      await expect(page.getByTestId('host-runtime')).toContainText('Electron');
      const nodeVisible = await page.evaluate(
        () => typeof (globalThis as { require?: unknown }).require,
      );
      expect(nodeVisible).toBe('undefined');
      // A link, a _blank target and a script redirect must not replace the page.
      await page.evaluate(() => {
        window.open('https://example.com/', '_blank');
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://desktop/index.html');
      expect(app.windows()).toHaveLength(1);
      await page.screenshot({ path: 'test-results/screenshots/electron-author.png' });
    } finally {
      await app.close();
    }
  });
});
