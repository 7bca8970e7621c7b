import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProbed, runProbedUntilReady } from './support/loaded-packages';

/*
 * The commands as installed: each bin runs its esbuild bundle (built by the test setup,
 * docs/decisions/0720–0722), not TypeScript through tsx, and a command loads the heavy
 * libraries only when it uses them. The probe lists every npm package the process loaded.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const QBANK = join(ROOT, 'packages/item-bank/bin/qbank.js');
const PROCTOR = join(ROOT, 'apps/proctor-server/bin/proctor-server.js');
const HEAVY = ['exceljs', 'pdfkit', 'highs', 'mammoth'];
const dir = mkdtempSync(join(tmpdir(), 'built-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built commands', () => {
  it('qbank --version loads no package at all: no tsx, no SQLite, no exceljs', () => {
    const run = runProbed(QBANK, ['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0.1.0');
    expect(run.packages).toEqual([]);
  });

  it('proctor-server --help lists every command and loads no package', () => {
    const run = runProbed(PROCTOR, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('serve [options]');
    expect(run.stdout).toContain('tls');
    expect(run.packages).toEqual([]);
  });

  it('qbank search opens the bank with SQLite and loads none of the heavy libraries', () => {
    const bank = join(dir, '电工.qbank');
    expect(runProbed(QBANK, ['init', bank]).status).toBe(0);
    const run = runProbed(QBANK, ['search', '电动机', '--bank', bank]);
    expect(run.status).toBe(0);
    expect(run.packages).toContain('better-sqlite3');
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it('the command that writes Excel does load exceljs (the probe sees a lazy import)', () => {
    const run = runProbed(QBANK, ['standard', 'template', '--out', join(dir, '细目表模板.xlsx')]);
    expect(run.status).toBe(0);
    expect(run.packages).toContain('exceljs');
    expect(run.packages).not.toContain('tsx');
  });

  it('proctor-server serve is listening without exceljs or pdfkit: they load with the first download', async () => {
    const run = await runProbedUntilReady(
      PROCTOR,
      [
        'serve',
        '--data',
        join(dir, 'site'),
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--no-discovery',
      ],
      '"event":"listening"',
    );
    expect(run.stdout).toContain('"event":"listening"');
    expect(run.packages).toContain('better-sqlite3');
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it('proctor-server tls show loads neither the PDF nor the Excel libraries', () => {
    const run = runProbed(PROCTOR, ['tls', 'show', '--data', join(dir, 'site'), '--json']);
    expect(run.status).toBe(0);
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
    expect(run.packages).not.toContain('tsx');
  });
});
