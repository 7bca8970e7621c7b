import { InvalidInputError } from '@skillexam/shared';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  checkResultsDerivation,
  ResultsPackageSchema,
  verifyResultsPackage,
  type DerivationProblem,
} from '@skillexam/item-bank/results-package';
import { EXIT_FAILURE, output } from './cli-io';

export interface ResultsVerifyReport {
  readonly ok: boolean;
  readonly keyId?: string;
  readonly chainHead?: { readonly seq: number; readonly hash: string };
  readonly candidates: number;
  readonly problems: readonly DerivationProblem[];
  /** Not failures: scores adopted at the upgrade, which cannot be recomputed (0214). */
  readonly notes: readonly DerivationProblem[];
}

/** The signer: a key given with --trust, else the audit key the package names (then compare its id with the paper copy). */
function signerKeys(bytes: Uint8Array, trustFile: string | undefined): string[] {
  if (trustFile !== undefined) return [readFileSync(trustFile, 'utf8')];
  try {
    const envelope = ResultsPackageSchema.parse(JSON.parse(Buffer.from(bytes).toString('utf8')));
    const payload = envelope.payload as { audit?: { publicKeyPem?: unknown } };
    const pem = payload.audit?.publicKeyPem;
    return typeof pem === 'string' ? [pem] : [];
  } catch {
    return [];
  }
}

/** Reads, checks and re-derives a results package (docs/decisions/0214). */
export function verifyResultsFile(path: string, trustFile?: string): ResultsVerifyReport {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InvalidInputError(`成绩包文件无法读取 (cannot read the results package): ${path}`);
  }
  const envelope = verifyResultsPackage(bytes, signerKeys(bytes, trustFile));
  if (!envelope.ok)
    return {
      ok: false,
      candidates: 0,
      problems: [{ ticket: '', problem: `${envelope.code}: ${envelope.message}` }],
      notes: [],
    };
  const { problems, notes } = checkResultsDerivation(envelope.payload);
  const head = envelope.payload.audit?.head;
  return {
    ok: problems.length === 0,
    keyId: envelope.keyId,
    ...(head === undefined ? {} : { chainHead: { seq: head.seq, hash: head.hash } }),
    candidates: envelope.payload.candidates.length,
    problems,
    notes,
  };
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
      output(opts.json === true, report, () => [
        report.ok
          ? `成绩包核对通过: ${report.candidates} 名考生, 签名密钥 ${report.keyId ?? '?'}, 审计链头 #${report.chainHead?.seq ?? '?'} ${report.chainHead?.hash ?? ''}`
          : `成绩包核对失败 (results package refused): ${report.problems.length} 处问题`,
        ...report.problems.map((p) => `  ${p.problem}`),
        ...report.notes.map((n) => `  注意 (note): ${n.problem}`),
      ]);
      if (!report.ok) process.exitCode = EXIT_FAILURE;
    });
}
