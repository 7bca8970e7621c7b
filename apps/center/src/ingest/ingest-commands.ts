import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { InvalidInputError } from '@skillexam/shared';

/* `center ingest <file>`: a results package handed in on the centre's own machine (decision 1011). */

export function addIngestCommands(program: Command): void {
  program
    .command('ingest <file>')
    .description('核验并接收考点成绩包 (verify, re-derive and store a site results package)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (file: string, flags: { data?: string; json?: boolean }) => {
      const [{ withStore }, { output }, { ingestPackage }, { createPgAuditLog }] =
        await Promise.all([
          import('../cli/store-options'),
          import('../cli/cli-io'),
          import('./ingest-service'),
          import('../audit/pg-audit-log'),
        ]);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new InvalidInputError(
          `成绩包文件无法读取 (cannot read the results package): ${file}`,
        );
      }
      const user = userInfo().username;
      const outcome = await withStore(flags, (db) =>
        ingestPackage(
          { db, audit: createPgAuditLog(), now: () => new Date() },
          { kind: 'cli', user },
          bytes,
        ),
      );
      output(flags.json === true, outcome, () => [
        outcome.status === 'ingested'
          ? `已接收成绩包 (ingested): 考点「${outcome.site.name}」场次 ${outcome.sessionId}, ${outcome.candidates} 名考生, 审计链头 #${outcome.chainHead.seq}`
          : `该成绩包此前已接收 (already ingested): ${outcome.packageId}`,
        `  SHA-256 ${outcome.sha256}`,
        ...(outcome.supersedes === undefined
          ? []
          : [`  取代同场次此前的成绩包 (supersedes) ${outcome.supersedes}`]),
      ]);
    });
}
