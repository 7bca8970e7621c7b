import type { Command } from 'commander';
import { chooseStandard, pointByCode } from '../../classification/choose-standard';
import { classificationQueue } from '../../classification/classification-queue';
import type { ClassifyTarget } from '../../classification/classify-items';
import { createClassificationRepository } from '../../db/classification-repository';
import { bankOperator } from '../../workflows/actor';
import { classifyItemsAs } from '../../workflows/edit-items';
import {
  defaultActor,
  emit,
  InvalidInputError,
  parseIntOption,
  withBank,
  type CliIo,
} from '../cli-context';

interface QueueOptions {
  bank: string;
  standard?: string;
  offset?: number;
  limit?: number;
  json?: boolean;
}

interface AssignOptions {
  bank: string;
  standard?: string;
  point?: string;
  top?: boolean;
  actor: string;
  json?: boolean;
}

/** `qbank classify queue|assign`: the 分类队列 of items imported without a 鉴定点. */
export function registerClassify(program: Command, io: CliIo): void {
  const classify = program
    .command('classify')
    .description('为导入时没有鉴定点代码（在“未分类”池中）的试题指定鉴定点');
  classify
    .command('queue')
    .description('列出未分类的试题及每题最可能的 3 个鉴定点（按题目文字与鉴定点名称的匹配度）')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--standard <id>', '标准，如 6-31-01-03:2018（题库只有一个标准时可省略）')
    .option('--offset <n>', '从第几题开始（0 起）', parseIntOption('--offset'))
    .option('--limit <n>', '每页题数（1–200，默认 50）', parseIntOption('--limit'))
    .option('--json', '以 JSON 输出')
    .action((options: QueueOptions) => {
      withBank(options.bank, (bank) => {
        const standardId = chooseStandard(bank.standards, options.standard);
        const queue = classificationQueue(
          { ...bank, classification: createClassificationRepository(bank.db) },
          standardId,
          {
            ...(options.offset === undefined ? {} : { offset: options.offset }),
            ...(options.limit === undefined ? {} : { limit: options.limit }),
          },
        );
        emit(io, options.json, queue, () =>
          [
            `标准 ${standardId}：未分类 ${queue.total} 题`,
            ...queue.entries.map((entry) =>
              [
                `${entry.itemId}  ${entry.stem}`,
                entry.suggestions.length === 0
                  ? '    （没有建议，请手动指定）'
                  : `    建议：${entry.suggestions
                      .map((s) => `${s.path} ${s.name}（${s.score}）`)
                      .join('；')}`,
              ].join('\n'),
            ),
          ].join('\n'),
        );
      });
    });
  classify
    .command('assign')
    .description('把试题归入鉴定点（--point），或各自归入首选建议（--top）；记入试题历史')
    .argument('<itemIds...>', '试题 ID（可多个）')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--standard <id>', '标准（题库只有一个标准时可省略）')
    .option('--point <code>', '鉴定点代码，如 B-A-001')
    .option('--top', '每题采纳匹配度最高的建议')
    .option('--actor <name>', '操作人', defaultActor())
    .option('--json', '以 JSON 输出')
    .action((itemIds: string[], options: AssignOptions) => {
      if ((options.point === undefined) === (options.top !== true)) {
        throw new InvalidInputError('请指定 --point <鉴定点代码> 或 --top 其中之一');
      }
      withBank(options.bank, (bank) => {
        const standardId = chooseStandard(bank.standards, options.standard);
        const target: ClassifyTarget =
          options.point === undefined
            ? { acceptTopSuggestion: true }
            : { pointId: pointByCode(bank.standards, standardId, options.point).id };
        const results = classifyItemsAs(bank, bankOperator(options.actor), itemIds, target);
        const failed = results.filter((result) => !result.ok);
        const failures = () => failed.map((r) => `${r.id}：${r.error ?? ''}`).join('\n');
        // Each item is classified on its own: when none went through, nothing changed.
        if (failed.length === results.length) throw new InvalidInputError(failures(), results);
        emit(io, options.json, results, () =>
          results
            .filter((r) => r.ok)
            .map((r) => `${r.id} → ${r.path ?? ''}（第 ${r.version ?? ''} 版）`)
            .join('\n'),
        );
        if (failed.length > 0) io.err(`以下 ${failed.length} 题未能分类：\n${failures()}`);
      });
    });
}
