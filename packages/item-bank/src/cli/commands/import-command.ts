import { rmSync, writeFileSync } from 'node:fs';
import { CodedError } from '@skillexam/shared';
import { type Command, Option } from 'commander';
import { ITEM_FILE_FORMATS, type ItemFileFormat } from '../../import-export/item-file-types';
import { exportItems } from '../../imports/export-items';
import { importHeadline, importSummary } from '../../imports/import-summary';
import { bankOperator } from '../../workflows/actor';
import { importItemFile } from '../../workflows/import-item-file';
import { defaultActor, emit, InvalidInputError, withBankAsync, type CliIo } from '../cli-context';
import { emitJsonStream } from '../json-stream';
import { LineFile } from '../line-file';
import { withCliProgress } from '../cli-progress-run';
import { inputFileSource } from '../read-input-file';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filter-options';

/** `题干=B,选项=D` or `stem=B,options=题目选项` → { 题干: 'B', 选项: 'D' } (`＝` and `，` too). */
export function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const part of text.split(/[,，]/)) {
    if (part.trim() === '') continue;
    const [field, column, ...rest] = part.split(/[=＝]/);
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

function isCancelled(error: unknown): boolean {
  return error instanceof CodedError && error.code === 'CANCELLED';
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
  nearDuplicatesFile?: string;
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
    .option(
      '--map <mapping>',
      '列映射：字段=列字母或表头文字，如 题干=B,选项=D,答案=E 或 stem=题目内容,options=题目选项（选项=所有选项在一个单元格）',
    )
    .option(
      '--standard <id>',
      '在此标准中查找鉴定点代码；没有鉴定点代码的试题放入此标准的“未分类”池（题库只有一个标准时可省略），如 6-31-01-03:2018',
    )
    .option(
      '--point <code>',
      '强制把文件中没有鉴定点代码的试题归入此鉴定点，如 B-A-001（不指定则放入“未分类”池，之后用 qbank classify 或工作台的分类队列归类）',
    )
    .option('--actor <name>', '操作人', defaultActor())
    .option('--json', '以 JSON 输出（疑似重复只列出最大的几组，其余计数）')
    .option(
      '--near-duplicates-file <path>',
      '把全部疑似重复写入此文件（JSON Lines，每行一对：ref、itemId、otherItemId、otherRef、similarity、kind、cluster）',
    )
    .action(async (file: string, options: ImportOptions) => {
      const source = inputFileSource(file);
      const mapping = options.map === undefined ? undefined : parseMapping(options.map);
      await withBankAsync(options.bank, async (bank) => {
        const actor = bankOperator(options.actor ?? defaultActor());
        const pairs =
          options.nearDuplicatesFile === undefined
            ? undefined
            : new LineFile(options.nearDuplicatesFile);
        const report = await withCliProgress(io, options.json, (progress) =>
          importItemFile(bank, actor, source, {
            fileName: file,
            progress,
            ...(options.format === undefined ? {} : { format: options.format }),
            ...(mapping === undefined ? {} : { mapping }),
            ...(options.standard === undefined ? {} : { standardId: options.standard }),
            ...(options.point === undefined ? {} : { defaultPointCode: options.point }),
            dryRun: options.dryRun === true,
            validOnly: options.validOnly === true,
            ...(pairs === undefined ? {} : { onNearDuplicate: (pair) => pairs.writeJson(pair) }),
          }),
        )
          .catch((error: unknown) => {
            // Cancelled: the bank was rolled back; the pairs already written go too.
            if (options.nearDuplicatesFile !== undefined && isCancelled(error))
              rmSync(options.nearDuplicatesFile, { force: true });
            throw error;
          })
          .finally(() => pairs?.close());
        // A dry run exits like the real import would: 2 when it would be refused, else 0.
        if (report.refused) {
          const message = options.json === true ? importHeadline(report) : importSummary(report);
          throw new InvalidInputError(message, report);
        }
        if (options.json === true) emitJsonStream(io, report);
        else io.out(importSummary(report));
      });
    });

  const exportCommand = program
    .command('export')
    .description('导出试题（当前版本）')
    .requiredOption('--bank <bank>', '题库文件')
    .addOption(
      new Option('--format <format>', '导出格式')
        .choices(['xlsx', 'csv', 'qti', 'bankpkg', 'docx'])
        .makeOptionMandatory(),
    )
    .requiredOption('--out <file>', '输出文件')
    .option('--query <text>', '只导出搜索到的试题')
    .option('--json', '以 JSON 输出');
  addFilterOptions(exportCommand).action(
    async (
      options: FilterOptions & {
        bank: string;
        format: 'xlsx' | 'csv' | 'qti' | 'bankpkg' | 'docx';
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
