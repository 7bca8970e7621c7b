import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { importItems, importStandardFile, openBank, reviewItem } from '@skillexam/item-bank';
import { toPaperAnswerKeys, type Paper, type PaperAnswerKeys } from '@skillexam/shared';

/*
 * A real bank the way a bank office has one when it made an exam: the sample electrician
 * standard and items, reviewed by two people, and a paper assembled and recorded by the real
 * `qbank assemble` (so the bank knows the versions the paper pinned). The paper's keys are what
 * sites score with and send up in their results packages.
 */

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const SAMPLE_DIR = join(ROOT, 'samples/electrician');
export const QBANK_BIN = join(ROOT, 'packages/item-bank/bin/qbank.js');
export const CENTER_BIN = join(ROOT, 'apps/center/bin/center.js');

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a built command line (node <bin> …); never throws on a non-zero exit. */
export async function runBin(
  bin: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

export async function sampleBankWithPaper(
  dir: string,
): Promise<{ bankFile: string; keys: PaperAnswerKeys }> {
  const bankFile = join(dir, 'bank.qbank');
  const bank = openBank(bankFile);
  try {
    const standardFile = join(SAMPLE_DIR, 'standard.json');
    await importStandardFile(
      bank.standards,
      readFileSync(standardFile),
      standardFile,
      bank.clock(),
    );
    const itemDir = join(SAMPLE_DIR, 'items');
    for (const name of readdirSync(itemDir)
      .filter((n) => n.endsWith('.csv'))
      .sort()) {
      const file = join(itemDir, name);
      const report = await importItems(bank, readFileSync(file), {
        fileName: file,
        actor: '命题人',
      });
      if (!report.committed) throw new Error(`sample items refused: ${file}`);
      for (const id of report.importedIds) {
        reviewItem(bank, id, { action: 'submit', actor: '命题人' });
        reviewItem(bank, id, { action: 'approve', actor: '审核人' });
      }
    }
  } finally {
    bank.close();
  }
  const papers = join(dir, 'papers');
  const assembled = await runBin(QBANK_BIN, [
    'assemble',
    '--bank',
    bankFile,
    '--blueprint',
    join(SAMPLE_DIR, 'blueprint-level4.json'),
    '--seed',
    '2026',
    '--out',
    papers,
    '--no-pdf',
    '--json',
  ]);
  if (assembled.code !== 0)
    throw new Error(`qbank assemble failed: ${assembled.stdout} ${assembled.stderr}`);
  const record = JSON.parse(readFileSync(join(papers, 'paper-A.json'), 'utf8')) as { paper: Paper };
  const reopened = openBank(bankFile);
  try {
    const keys = toPaperAnswerKeys(record.paper, (ref) => {
      const version = reopened.items.getVersion(ref.itemId, ref.version);
      if (version === undefined) throw new Error(`missing ${ref.itemId} v${ref.version}`);
      return version.content;
    });
    return { bankFile, keys };
  } finally {
    reopened.close();
  }
}
