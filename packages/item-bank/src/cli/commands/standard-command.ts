import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { formatStandardIssue } from '../../standards/standard-issue';
import { writeStandardXlsx } from '../../standards/write-standard-xlsx';
import { bankOperator } from '../../workflows/actor';
import { importStandard } from '../../workflows/manage-standards';
import { defaultActor, emit, withBank, withBankAsync, type CliIo } from '../cli-context';
import { readInputFile } from '../read-input-file';
import { withCliProgress } from '../cli-progress-run';

export function registerStandard(program: Command, io: CliIo): void {
  const standard = program.command('standard').description('职业技能标准与鉴定要素细目表');
  standard
    .command('import')
    .description('导入标准（JSON 或 Excel 细目表模板），全部成功或全部不变')
    .argument('<file>', '.json 或 .xlsx 文件')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: { bank: string; json?: boolean }) => {
      const bytes = readInputFile(file);
      await withBankAsync(options.bank, async (bank) => {
        const report = await withCliProgress(io, options.json, (progress) =>
          importStandard(bank, bankOperator(defaultActor()), bytes, file, { progress }),
        );
        emit(io, options.json, report, () =>
          [
            `已导入标准 ${report.standard?.id ?? ''}（${report.standard?.occupationName ?? ''}）：` +
              `${report.standard?.rangeCount ?? 0} 个鉴定范围，${report.standard?.pointCount ?? 0} 个鉴定点`,
            ...report.issues.map(formatStandardIssue),
          ].join('\n'),
        );
      });
    });
  standard
    .command('list')
    .description('列出题库中的标准')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--json', '以 JSON 输出')
    .action((options: { bank: string; json?: boolean }) => {
      withBank(options.bank, (bank) => {
        const list = bank.standards.listStandards();
        emit(io, options.json, list, () =>
          list.length === 0
            ? '题库中还没有标准'
            : list
                .map(
                  (s) =>
                    `${s.id}  ${s.occupationName}  等级 ${s.levels.join(',')}  鉴定点 ${s.pointCount}`,
                )
                .join('\n'),
        );
      });
    });
  standard
    .command('template')
    .description('生成空白的 Excel 细目表模板')
    .requiredOption('--out <file>', '输出 .xlsx 文件')
    .option('--json', '以 JSON 输出')
    .action(async (options: { out: string; json?: boolean }) => {
      writeFileSync(options.out, await writeStandardXlsx());
      emit(io, options.json, { out: options.out }, () => `已生成模板 ${options.out}`);
    });
}
