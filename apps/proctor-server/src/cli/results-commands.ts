import { InvalidInputError } from '@skillexam/shared';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
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
