import { copyFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { computeHealthReport, openBank } from '@skillexam/item-bank';
import { buildDashboard } from '../../apps/desktop/src/host/bank/bank-dashboard';
import { ROOT } from './run-cli';

/*
 * After the exam day: what the workbench's 题库看板 shows of the statistics that flowed back —
 * computed by the workbench's own dashboard code over the bank — and a copy of the bank in the
 * `npm start` demo folder, whose workbench lists every .qbank there.
 */

/** The `npm start` demo folder (scripts/start.ts). */
export const DEMO_DIR = resolve(process.env['SKILLEXAM_DEMO_DIR'] ?? join(ROOT, '.data/demo'));
export const EXAM_DAY_BANK = '考试日演示.qbank';

export interface BankStatisticsSummary {
  /** Items with a measured p (current version, pooled). */
  readonly withStatistics: number;
  /** The dashboard's 「实测难度 p 分布」: ten 0.1-wide bins. */
  readonly pHistogram: readonly number[];
}

export function bankStatisticsSummary(bankFile: string): BankStatisticsSummary {
  const bank = openBank(bankFile, { readonly: true });
  try {
    const data = bank.health.healthData();
    const dashboard = buildDashboard(computeHealthReport(data), data, []);
    return { withStatistics: dashboard.withStatistics, pHistogram: dashboard.pHistogram };
  } finally {
    bank.close();
  }
}

/**
 * Copies the bank into the demo site's folder (as 考试日演示.qbank) when that site exists, so
 * the workbench of `npm start` opens it; returns the copy's path.
 */
export function publishToDemoWorkbench(bankFile: string): string | undefined {
  if (!existsSync(join(DEMO_DIR, 'demo-site.json'))) return undefined;
  const target = join(DEMO_DIR, EXAM_DAY_BANK);
  copyFileSync(bankFile, target);
  return target;
}
