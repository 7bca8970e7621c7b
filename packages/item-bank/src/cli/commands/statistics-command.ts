import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  analyzeResponses,
  describeItemFlag,
  type AnalysisResult,
  type ItemVersionRef,
} from '@skillexam/shared';
import type { Command } from 'commander';
import { recordItemStatistics } from '../../items/item-statistics';
import { analysisToJson } from '../../statistics/analysis-json';
import { analysisToWorkbook } from '../../statistics/analysis-workbook';
import {
  toItemStatisticsUpdates,
  UnknownItemColumnsError,
} from '../../statistics/item-statistics-updates';
import { formatResponsesIssue } from '../../statistics/responses-issues';
import { parseResponsesCsv } from '../../statistics/responses-csv';
import { emit, InvalidInputError, withBank, type CliIo } from '../cli-context';
import { readInputFile } from '../read-input-file';

/** Reads a responses CSV (docs/formats/responses-csv.md) and analyses it; bad input → exit 2. */
function analyzeFile(file: string): AnalysisResult {
  const parsed = parseResponsesCsv(readInputFile(file), { fileName: file });
  if (!parsed.ok) {
    throw new InvalidInputError(
      `作答数据有误，未做任何分析：\n${parsed.issues.map(formatResponsesIssue).join('\n')}`,
      { issues: parsed.issues },
    );
  }
  return analyzeResponses(parsed.matrix);
}

function summary(result: AnalysisResult): string {
  const t = result.test;
  const fixed = (v: number | undefined, d = 3) => (v === undefined ? '—' : v.toFixed(d));
  const flagged = result.items.filter((item) => item.flags.length > 0);
  return [
    `考生 ${t.n} 人，试题 ${result.items.length} 道`,
    `平均分 ${fixed(t.mean, 2)}，中位数 ${fixed(t.median, 2)}，标准差 ${fixed(t.standardDeviation, 2)}`,
    `信度 α ${fixed(t.cronbachAlpha)}${t.kr20 === undefined ? '' : `（KR-20 ${fixed(t.kr20)}）`}，测量标准误 ${fixed(t.standardErrorOfMeasurement, 2)}`,
    `统计异常的试题 ${flagged.length} 道`,
    ...flagged.map(
      (item) =>
        `  ${item.itemId}: ${item.flags.map((flag) => describeItemFlag(flag, 'zh-CN')).join('；')}`,
    ),
  ].join('\n');
}

/** `qbank analyze` and `qbank stats import` (item statistics flowing back into the bank). */
export function registerStatistics(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('试题分析（经典测量理论）：难度、区分度、干扰项、信度')
    .argument('<responses>', '作答数据 CSV（每行一名考生，每列一道试题）')
    .option('--out <file>', '同时写出分析结果：.xlsx 或 .json')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: { out?: string; json?: boolean }) => {
      const result = analyzeFile(file);
      if (options.out !== undefined) {
        const kind = extname(options.out).toLowerCase();
        if (kind === '.xlsx') writeFileSync(options.out, await analysisToWorkbook(result));
        else if (kind === '.json')
          writeFileSync(options.out, JSON.stringify(analysisToJson(result), null, 2));
        else throw new InvalidInputError(`--out 只支持 .xlsx 或 .json，收到 ${options.out}`);
      }
      emit(io, options.json, analysisToJson(result), () => summary(result));
    });

  // `stats` (the health report) is registered by query-commands; `stats import` hangs under it.
  const stats = program.commands.find((command) => command.name() === 'stats');
  if (stats === undefined) throw new Error('register the stats command first');
  stats
    .command('import')
    .description('把一次考试的作答数据的统计结果写回题库（难度 p、区分度、曝光次数）')
    .argument('<responses>', '作答数据 CSV，列名为题库中的试题编号')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--json', '以 JSON 输出')
    .action((file: string, options: { bank: string; json?: boolean }) => {
      const result = analyzeFile(file);
      withBank(options.bank, (bank) => {
        const versions = new Map<string, ItemVersionRef>();
        for (const item of result.items) {
          const meta = bank.items.getMeta(item.itemId);
          if (meta !== undefined)
            versions.set(item.itemId, { itemId: meta.id, version: meta.version });
        }
        let updates;
        try {
          updates = toItemStatisticsUpdates(result, versions);
        } catch (error) {
          if (error instanceof UnknownItemColumnsError) {
            throw new InvalidInputError(
              `这些列不是题库中的试题，未写入任何统计：${error.columnIds.join('、')}`,
            );
          }
          throw error;
        }
        recordItemStatistics(
          bank.items,
          updates.map((u) => ({
            itemId: u.itemId,
            p: u.facility,
            ...(u.discrimination === undefined ? {} : { discrimination: u.discrimination }),
            responses: u.sampleSize,
            exposureIncrement: u.exposureIncrement,
          })),
        );
        emit(
          io,
          options.json,
          { updated: updates.length, updates },
          () => `已更新 ${updates.length} 道试题的统计数据`,
        );
      });
    });
}
