import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { CodedError, InvalidInputError, errorMessage, type Progress } from '@skillexam/shared';
import type { CenterDb } from '../db/center-db';
import type { IngestOutcome } from './ingest-service';

/*
 * `center ingest <file...>`: results packages handed in on the centre's own machine (decision
 * 1011), e.g. a folder of packages carried over from sites without a link. Each package is
 * verified and stored on its own (all or nothing per package); progress counts the files on
 * stderr (a bar on a terminal, JSON lines with --json, nothing in a pipe) and Ctrl-C stops
 * before the next package. One file: its outcome, or its refusal as the error (exit 2).
 */

interface Refused {
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

function readPackage(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new InvalidInputError(`成绩包文件无法读取 (cannot read the results package): ${file}`);
  }
}

function outcomeLines(outcome: IngestOutcome, file?: string): string[] {
  const from = file === undefined ? '' : `${basename(file)}: `;
  return [
    outcome.status === 'ingested'
      ? `${from}已接收成绩包 (ingested): 考点「${outcome.site.name}」场次 ${outcome.sessionId}, ${outcome.candidates} 名考生, 审计链头 #${outcome.chainHead.seq}`
      : `${from}该成绩包此前已接收 (already ingested): ${outcome.packageId}`,
    `  SHA-256 ${outcome.sha256}`,
    ...(outcome.supersedes === undefined
      ? []
      : [`  取代同场次此前的成绩包 (supersedes) ${outcome.supersedes}`]),
  ];
}

async function ingestFiles(
  db: CenterDb,
  files: readonly string[],
  progress: Progress,
): Promise<{ outcomes: { file: string; outcome: IngestOutcome }[]; refused: Refused[] }> {
  const [{ ingestPackage }, { createPgAuditLog }] = await Promise.all([
    import('./ingest-service'),
    import('../audit/pg-audit-log'),
  ]);
  const deps = { db, audit: createPgAuditLog(), now: () => new Date() };
  const uploader = { kind: 'cli', user: userInfo().username } as const;
  const phase = progress.phase('verifying', { total: files.length, unit: 'files' });
  const outcomes: { file: string; outcome: IngestOutcome }[] = [];
  const refused: Refused[] = [];
  for (const file of files) {
    try {
      outcomes.push({ file, outcome: await ingestPackage(deps, uploader, readPackage(file)) });
    } catch (error) {
      if (files.length === 1 || !(error instanceof CodedError)) throw error;
      refused.push({ file, code: error.code, message: errorMessage(error) });
    }
    phase.advance();
  }
  phase.end();
  return { outcomes, refused };
}

export function addIngestCommands(program: Command): void {
  program
    .command('ingest <files...>')
    .description('核验并接收考点成绩包 (verify, re-derive and store site results packages)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (files: string[], flags: { data?: string; json?: boolean }) => {
      const [{ withStore }, { output, EXIT_INVALID_INPUT }, { withCommandProgress }] =
        await Promise.all([
          import('../cli/store-options'),
          import('../cli/cli-io'),
          import('@skillexam/shared/progress-terminal'),
        ]);
      const json = flags.json === true;
      const { outcomes, refused } = await withStore(flags, (db) =>
        withCommandProgress({ stream: process.stderr, json }, (progress) =>
          ingestFiles(db, files, progress),
        ),
      );
      const [only] = outcomes;
      if (files.length === 1 && only !== undefined) {
        output(json, only.outcome, () => outcomeLines(only.outcome));
        return;
      }
      output(
        json,
        { ingested: outcomes.map(({ file, outcome }) => ({ file, ...outcome })), refused },
        () => [
          ...outcomes.flatMap(({ file, outcome }) => outcomeLines(outcome, file)),
          ...refused.map((r) => `${basename(r.file)}: 拒收 (refused) ${r.message}`),
          `共 ${files.length} 个成绩包：接收 ${outcomes.length}，拒收 ${refused.length} (packages: ${outcomes.length} accepted, ${refused.length} refused)`,
        ],
      );
      if (refused.length > 0) process.exitCode = EXIT_INVALID_INPUT;
    });
}
