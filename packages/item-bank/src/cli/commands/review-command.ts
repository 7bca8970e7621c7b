import { readableItemText } from '../../items/item-text';
import { diffItemVersions, itemHistory } from '../../items/item-history';
import { type Command, Argument } from 'commander';
import { performance } from 'node:perf_hooks';
import { REVIEW_ACTIONS, type ReviewAction } from '../../review/review-workflow';
import { bankOperator } from '../../workflows/actor';
import { reviewManyItems, reviewOneItem } from '../../workflows/review-items';
import { reportBulkReview } from './review-report';
import { isBulk, reviewTargets, type ReviewTargetOptions } from './review-targets';
import {
  defaultActor,
  emit,
  InvalidInputError,
  parseIntOption,
  withBank,
  type CliIo,
} from '../cli-context';

interface ReviewOptions extends ReviewTargetOptions {
  readonly bank: string;
  readonly actor: string;
  readonly comment?: string;
  readonly json?: boolean;
}

export function registerReview(program: Command, io: CliIo): void {
  program
    .command('review')
    .description(
      '审核：submit 提交、approve 通过、reject 退回（须填意见）、retire 停用；可一次处理多道试题',
    )
    .addArgument(new Argument('<action>', '审核动作').choices(REVIEW_ACTIONS))
    .argument('[itemIds...]', '试题 ID（可多个）')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--actor <name>', '操作人', defaultActor())
    .option('--comment <text>', '审核意见（批量时用于每道试题）')
    .option('--ids-file <file>', '从文件读取试题 ID（每行一个；- 表示标准输入）')
    .option('--all-submitted', '所有「审核中」的试题（approve、reject）')
    .option('--json', '以 JSON 输出')
    .action((action: ReviewAction, itemIds: string[], options: ReviewOptions) => {
      withBank(options.bank, (bank) => {
        const actor = bankOperator(options.actor);
        const request = {
          action,
          ...(options.comment === undefined ? {} : { comment: options.comment }),
        };
        if (!isBulk(itemIds, options)) {
          const item = reviewOneItem(bank, actor, itemIds[0] ?? '', request);
          emit(
            io,
            options.json,
            { id: item.id, version: item.version, status: item.reviewStatus },
            () => `试题 ${item.id} 第 ${item.version} 版：${item.reviewStatus}`,
          );
          return;
        }
        const targets = reviewTargets(bank, action, itemIds, options);
        const started = performance.now();
        const result = reviewManyItems(bank, actor, targets, request);
        reportBulkReview(io, action, result, performance.now() - started, options.json);
      });
    });

  const item = program.command('item').description('查看试题');
  item
    .command('show')
    .description('显示试题当前版本、历史和版本差异')
    .argument('<id>', '试题 ID')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--from <n>', '差异的起始版本', parseIntOption('--from'))
    .option('--to <n>', '差异的目标版本', parseIntOption('--to'))
    .option('--json', '以 JSON 输出')
    .action((id: string, options: { bank: string; from?: number; to?: number; json?: boolean }) => {
      withBank(options.bank, (bank) => {
        const current = bank.items.getItem(id);
        if (current === undefined) throw new InvalidInputError(`试题 ${id} 不存在`);
        const history = itemHistory(bank.items, id);
        const diff =
          history.versions.length > 1 || options.from !== undefined
            ? diffItemVersions(bank.items, id, options.from, options.to)
            : undefined;
        emit(
          io,
          options.json,
          { item: current, history, ...(diff === undefined ? {} : { diff }) },
          () => {
            const {
              id: _id,
              version,
              reviewStatus,
              tags,
              stats,
              source,
              enemyGroup,
              ...content
            } = current;
            void _id;
            void stats;
            void source;
            void enemyGroup;
            return [
              `试题 ${id}  第 ${version} 版  ${reviewStatus}  标签：${tags.join('、') || '无'}`,
              readableItemText(content),
              '',
              '历史：',
              ...history.events.map(
                (e) =>
                  `  ${e.at}  v${e.version}  ${e.from ?? '—'} → ${e.to}  ${e.actor}${e.comment === undefined ? '' : `  「${e.comment}」`}`,
              ),
              ...(diff === undefined
                ? []
                : ['', `第 ${diff.from} 版 → 第 ${diff.to} 版：`, diff.patch]),
            ].join('\n');
          },
        );
      });
    });
}
