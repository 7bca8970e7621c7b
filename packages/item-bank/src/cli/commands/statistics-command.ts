import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  describeItemFlag,
  type AnalysisResult,
  type MultipleChoiceScoring,
} from '@skillexam/shared';
import type { Command } from 'commander';
import { analysisToJson } from '../../statistics/analysis-json';
import { analysisToWorkbook } from '../../statistics/analysis-workbook';
import {
  analyzeResponseFile,
  describeScoring,
  type ScoringOptions,
} from '../../statistics/analyze-response-file';
import { bankOperator } from '../../workflows/actor';
import { describeImport, importStatistics } from '../../workflows/import-statistics';
import { defaultActor, emit, InvalidInputError, withBankAsync, type CliIo } from '../cli-context';
import { withCliProgress } from '../cli-progress-run';
import { readInputFile } from '../read-input-file';
import { registerStatisticsHistory } from './statistics-history-command';

interface ScoringFlags {
  multipleChoice?: string;
  groupFraction?: string;
}

/** `--multiple-choice partial|all_or_nothing`, `--group-fraction 0.27` → the scoring options. */
function scoringOptions(flags: ScoringFlags): ScoringOptions {
  const policy = flags.multipleChoice;
  if (policy !== undefined && policy !== 'partial' && policy !== 'all_or_nothing') {
    throw new InvalidInputError(
      `--multiple-choice 只能是 partial 或 all_or_nothing，收到 ${policy}`,
    );
  }
  const fraction = flags.groupFraction === undefined ? undefined : Number(flags.groupFraction);
  if (fraction !== undefined && !Number.isFinite(fraction))
    throw new InvalidInputError(
      `--group-fraction 应为 0 与 0.5 之间的数，收到 ${flags.groupFraction}`,
    );
  return {
    ...(policy === undefined ? {} : { multipleChoiceScoring: policy as MultipleChoiceScoring }),
    ...(fraction === undefined ? {} : { groupFraction: fraction }),
  };
}

function withScoringOptions(command: Command): Command {
  return command
    .option(
      '--multiple-choice <policy>',
      '多选题计分：all_or_nothing（全对才得分，默认）或 partial（少选按比例、错选 0 分），与考点服务器一致',
    )
    .option('--group-fraction <share>', '高低分组各占考生的比例，默认 0.27');
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

interface ImportFlags extends ScoringFlags {
  bank: string;
  exam?: string;
  session?: string;
  date?: string;
  replace?: boolean;
  json?: boolean;
}

/** `qbank analyze`, `qbank stats import` and `qbank stats history` (statistics back into the bank). */
export function registerStatistics(program: Command, io: CliIo): void {
  withScoringOptions(
    program
      .command('analyze')
      .description('试题分析（经典测量理论）：难度、区分度、干扰项、信度')
      .argument('<responses>', '作答数据 CSV（每行一名考生，每列一道试题）'),
  )
    .option('--out <file>', '同时写出分析结果：.xlsx 或 .json')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: ScoringFlags & { out?: string; json?: boolean }) => {
      const { result, scoring } = await withCliProgress(io, options.json, (progress) =>
        analyzeResponseFile(readInputFile(file), file, scoringOptions(options), {}, { progress }),
      );
      if (options.out !== undefined) {
        const kind = extname(options.out).toLowerCase();
        if (kind === '.xlsx') writeFileSync(options.out, await analysisToWorkbook(result));
        else if (kind === '.json')
          writeFileSync(options.out, JSON.stringify(analysisToJson(result, scoring), null, 2));
        else throw new InvalidInputError(`--out 只支持 .xlsx 或 .json，收到 ${options.out}`);
      }
      emit(io, options.json, analysisToJson(result, scoring), () =>
        [summary(result), describeScoring(scoring)].join('\n'),
      );
    });

  // `stats` (the health report) is registered by query-commands; `stats import` hangs under it.
  const stats = program.commands.find((command) => command.name() === 'stats');
  if (stats === undefined) throw new Error('register the stats command first');
  withScoringOptions(
    stats
      .command('import')
      .description(
        '把一次考试的作答数据的统计写回题库：记在考生所答的试题版本上，每份文件只计入一次',
      )
      .argument('<responses>', '作答数据 CSV，列名为题库中的试题编号'),
  )
    .requiredOption('--bank <bank>', '题库文件')
    .option('--exam <paperId>', '考生所答的试卷编号（文件有 #考试 行时可省）')
    .option('--session <id>', '考试场次（文件有 #场次 行时可省）')
    .option('--date <YYYY-MM-DD>', '考试日期（文件有 #日期 行时可省）')
    .option('--replace', '同一文件或同一试卷场次已导入过时，用本次结果替换那次的统计')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, options: ImportFlags) => {
      const bytes = readInputFile(file);
      await withBankAsync(options.bank, async (bank) => {
        const result = await withCliProgress(io, options.json, (progress) =>
          importStatistics(bank, bankOperator(defaultActor()), {
            progress,
            bytes,
            fileName: basename(file),
            ...(options.exam === undefined ? {} : { examId: options.exam }),
            ...(options.session === undefined ? {} : { sessionId: options.session }),
            ...(options.date === undefined ? {} : { administeredOn: options.date }),
            scoring: scoringOptions(options),
            ...(options.replace === true ? { replace: true } : {}),
          }),
        );
        emit(io, options.json, { updated: result.updates.length, ...result }, () =>
          [
            `已把 ${result.candidates} 名考生的统计记入 ${result.updates.length} 个试题版本`,
            describeScoring(result.scoring),
            ...result.replaced.map((old) => `已替换先前的导入：${describeImport(old)}`),
          ].join('\n'),
        );
      });
    });
  registerStatisticsHistory(stats, io);
}
