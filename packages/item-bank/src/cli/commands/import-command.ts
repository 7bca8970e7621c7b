import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { ITEM_FILE_FORMATS, type ItemFileFormat } from '../../import-export/item-file-types';
import { exportItems } from '../../imports/export-items';
import { formatIssue, type ImportReport } from '../../imports/import-report';
import { importItems } from '../../imports/import-items';
import { defaultActor, emit, InvalidInputError, withBankAsync, type CliIo } from '../cli-context';
import { readInputFile } from '../read-input-file';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filter-options';

/** `题干=B,选项A=C` → { 题干: 'B', 选项A: 'C' }. */
export function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const part of text.split(/[,，]/)) {
    if (part.trim() === '') continue;
    const [field, column, ...rest] = part.split('=');
    if (
      field === undefined ||
      column === undefined ||
      rest.length > 0 ||
      field.trim() === '' ||
      column.trim() === ''
    ) {
      throw new InvalidInputError(`列映射「${part}」应写作 字段=列，如 题干=B`);
    }
    mapping[field.trim()] = column.trim();
  }
  return mapping;
}

function summary(report: ImportReport): string {
  const head = report.dryRun
    ? `试运行（未写入）：可导入 ${report.imported} 题，新版本 ${report.updated}，已存在 ${report.unchanged}，有问题 ${report.skipped}（共 ${report.total}）`
    : report.committed
      ? `已导入 ${report.imported} 题，新版本 ${report.updated}，已存在 ${report.unchanged}，跳过 ${report.skipped}（共 ${report.total}）`
      : `导入被拒绝，题库未做任何修改：${report.skipped} 题有错误（共 ${report.total}）；可修正后重试，或用 --valid-only 只导入合格的试题`;
  return [head, ...report.issues.map(formatIssue)].join('\n');
}

interface ImportOptions {
  bank: string;
  format?: ItemFileFormat;
  dryRun?: boolean;
  validOnly?: boolean;
  map?: string;
  standard?: string;
  point?: string;
  actor?: string;
  json?: boolean;
}

export function registerImportExport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('导入试题文件：全部成功或全部不变（--valid-only 只导入合格的行）')
    .argument('<file>', '试题文件')
    .requiredOption('--bank <bank>', '题库文件')
    .addOption(
      new Option('--format <format>', '文件格式（默认按扩展名和内容识别）').choices(
        ITEM_FILE_FORMATS,
      ),
    )
    .option('--dry-run', '只检查并输出完整报告，不写入')
    .option('--valid-only', '只导入合格的试题，列出每个被跳过的行')
    .option('--map <mapping>', '列映射，如 题干=B,选项A=C,答案=G')
    .option('--standard <id>', '在此标准中查找鉴定点代码，如 6-31-01-03:2018')
    .option('--point <code>', '文件中没有鉴定点代码的试题归入此鉴定点，如 B-A-001')
    .option('--actor <name>', '操作人', defaultActor())
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: ImportOptions) => {
      const bytes = readInputFile(file);
      const mapping = options.map === undefined ? undefined : parseMapping(options.map);
      await withBankAsync(options.bank, async (bank) => {
        const report = await importItems(bank, bytes, {
          fileName: file,
          actor: options.actor ?? defaultActor(),
          ...(options.format === undefined ? {} : { format: options.format }),
          ...(mapping === undefined ? {} : { mapping }),
          ...(options.standard === undefined ? {} : { standardId: options.standard }),
          ...(options.point === undefined ? {} : { defaultPointCode: options.point }),
          dryRun: options.dryRun === true,
          validOnly: options.validOnly === true,
        });
        const refused =
          !report.committed &&
          report.skipped + report.issues.filter((i) => i.severity === 'error').length > 0;
        if (refused) throw new InvalidInputError(summary(report), report);
        emit(io, options.json, report, () => summary(report));
      });
    });

  const exportCommand = program
    .command('export')
    .description('导出试题（当前版本）')
    .requiredOption('--bank <bank>', '题库文件')
    .addOption(
      new Option('--format <format>', '导出格式')
        .choices(['xlsx', 'csv', 'qti', 'bankpkg'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', '输出文件')
    .option('--query <text>', '只导出搜索到的试题')
    .option('--json', '以 JSON 输出');
  addFilterOptions(exportCommand).action(
    async (
      options: FilterOptions & {
        bank: string;
        format: 'xlsx' | 'csv' | 'qti' | 'bankpkg';
        out: string;
        query?: string;
        json?: boolean;
      },
    ) => {
      await withBankAsync(options.bank, async (bank) => {
        const result = await exportItems(bank, {
          format: options.format,
          filter: filterFromOptions(options),
          ...(options.query === undefined ? {} : { query: options.query }),
        });
        writeFileSync(options.out, result.bytes);
        emit(
          io,
          options.json,
          { out: options.out, count: result.count, bytes: result.bytes.byteLength },
          () => `已导出 ${result.count} 题到 ${options.out}`,
        );
      });
    },
  );
}
