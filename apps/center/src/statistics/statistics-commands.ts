import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { StoreFlags } from '../cli/store-options';

/* `center stats export --exam <id> [--out <file>]`: the merged response file for the bank. */

export function addStatisticsCommands(program: Command): void {
  const stats = program.command('stats').description('试题统计 (item statistics for the bank)');
  stats
    .command('export')
    .description(
      "合并各考点作答，导出题库可导入的作答数据 (merge every site's answers into one response file)",
    )
    .requiredOption('--exam <id>', '试卷编号 (exam / paper id)')
    .option('--out <file>', '输出文件 (output file; default responses-<exam>-centre-all-sites.csv)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (flags: StoreFlags & { exam: string; out?: string; json?: boolean }) => {
      const [{ withStore }, { output }, { createPgAuditLog }, { exportExamResponses }] =
        await Promise.all([
          import('../cli/store-options'),
          import('../cli/cli-io'),
          import('../audit/pg-audit-log'),
          import('./statistics-export'),
        ]);
      const result = await withStore(flags, (db) =>
        exportExamResponses({ db, audit: createPgAuditLog() }, 'cli', flags.exam),
      );
      const out = flags.out ?? result.fileName;
      await writeFile(out, result.csv);
      const { csv: _csv, ...summary } = result;
      output(flags.json === true, { ...summary, file: out }, () => [
        `已导出 ${out}：考生 ${result.candidates} 人，试题 ${result.items} 道，来自 ${result.sites} 个考点、${result.sessions} 个场次 (exported)`,
        `导入题库 (import into the bank): qbank stats import ${out} --bank <bank>`,
      ]);
    });
}
