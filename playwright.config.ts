import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser).
 * Override the binary with CHROMIUM_PATH.
 */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The browser suites run over HTTPS like an exam day (docs/decisions/0233). One site CA for the
 * whole run, made by the real `proctor-server tls show`; the e2e support copies it into each
 * test's data directory (env SKILLEXAM_E2E_SITE_CA), so every server's certificate chains to it,
 * and Chromium trusts exactly that CA's key (--ignore-certificate-errors-spki-list) instead of
 * ignoring certificate errors.
 */
const e2eSiteDir = join(import.meta.dirname, 'test-results', 'e2e-site');
export const e2eSiteCaDir = join(e2eSiteDir, 'tls');
if (!existsSync(join(e2eSiteCaDir, 'site-ca.crt'))) {
  execFileSync(
    process.execPath,
    [
      join(import.meta.dirname, 'apps/proctor-server/bin/proctor-server.js'),
      'tls',
      'show',
      '--data',
      e2eSiteDir,
      '--site-name',
      'E2E',
    ],
    { stdio: 'ignore' },
  );
}
process.env['SKILLEXAM_E2E_SITE_CA'] = e2eSiteCaDir;
/** base64 SHA-256 of the site CA's SubjectPublicKeyInfo, as Chromium's flag wants it. */
const e2eSiteCaSpki = createHash('sha256')
  .update(
    new X509Certificate(readFileSync(join(e2eSiteCaDir, 'site-ca.crt'))).publicKey.export({
      type: 'spki',
      format: 'der',
    }),
  )
  .digest('base64');

export default defineConfig({
  testDir: '.',
  testMatch: ['apps/*/e2e/**/*.spec.ts', 'e2e/**/*.spec.ts'],
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  // A CI machine with two cores runs the servers, Chromium and the builds' workers at once: a
  // page that takes 5 s to follow on such a machine is slow, not broken. Failing checks still
  // fail, only later.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env['CI'],
  reporter: process.env['CI']
    ? [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]]
    : 'list',
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--ignore-certificate-errors-spki-list=${e2eSiteCaSpki}`,
      ],
    },
  },
});
