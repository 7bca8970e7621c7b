import { InvalidInputError } from '@skillexam/shared';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { openStore } from '../db/store';
import { centreReceipts, receiptLines } from '../results/centre-receipts';
import {
  verifyReportLines,
  verifyResultsBytes,
  type ResultsVerifyReport,
} from '../results/verify-results-bytes';
import { EXIT_FAILURE, output } from './cli-io';

export type { ResultsVerifyReport } from '../results/verify-results-bytes';

/** Reads, checks and re-derives a results package (docs/decisions/0214). */
export function verifyResultsFile(path: string, trustFile?: string): ResultsVerifyReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InvalidInputError(`成绩包文件无法读取 (cannot read the results package): ${path}`);
  }
  return verifyResultsBytes(
    bytes,
    trustFile === undefined ? undefined : readFileSync(trustFile, 'utf8'),
  );
}

/** `proctor-server results verify <package>`. */
export function addResultsVerifyCommand(results: Command): void {
  results
    .command('verify <package>')
    .description(
      '核对成绩包: 签名、链头签名、按答案重算每位考生的成绩 (re-derive every score from the package)',
    )
    .option(
      '--trust <pem>',
      '考点审计公钥文件 (keys/audit-signing.pub); 默认用包内公钥并显示其 keyId',
    )
    .option('--json', 'print JSON')
    .action((file: string, opts: { trust?: string; json?: boolean }) => {
      const report = verifyResultsFile(file, opts.trust);
      output(opts.json === true, report, () => verifyReportLines(report));
      if (!report.ok) process.exitCode = EXIT_FAILURE;
    });
}

/**
 * `proctor-server results receipts`: the centre's receipts this site keeps, as an anchors file
 * for `center audit verify --anchors` (docs/decisions/1070). Reads only: nothing is appended.
 */
export function addResultsReceiptsCommand(results: Command): void {
  results
    .command('receipts')
    .description(
      "列出评价中心的审计回执，可作为中心审计链的外部锚点 (the centre's receipts, an anchors file)",
    )
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data, { onHeadConflict: () => {}, inspectOnly: true });
      try {
        const receipts = centreReceipts(store.db);
        output(opts.json === true, receipts, () => receiptLines(receipts));
      } finally {
        store.close();
      }
    });
}
