import { readableItemText } from '../../items/item-text';
import { diffItemVersions, itemHistory } from '../../items/item-history';
import { type Command, Argument } from 'commander';
import { REVIEW_ACTIONS, type ReviewAction } from '../../review/review-workflow';
import { reviewItem } from '../../review/review-service';
import {
  defaultActor,
  emit,
  InvalidInputError,
  parseIntOption,
  withBank,
  type CliIo,
} from '../cli-context';

export function registerReview(program: Command, io: CliIo): void {
  program
    .command('review')
    .description('审核：submit 提交、approve 通过、reject 退回（须填意见）、retire 停用')
    .addArgument(new Argument('<action>', '审核动作').choices(REVIEW_ACTIONS))
    .argument('<itemId>', '试题 ID')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--actor <name>', '操作人', defaultActor())
    .option('--comment <text>', '审核意见')
    .option('--json', '以 JSON 输出')
    .action(
      (
        action: ReviewAction,
        itemId: string,
        options: { bank: string; actor: string; comment?: string; json?: boolean },
      ) => {
        withBank(options.bank, (bank) => {
          const item = reviewItem(bank, itemId, {
            action,
            actor: options.actor,
            ...(options.comment === undefined ? {} : { comment: options.comment }),
          });
          emit(
            io,
            options.json,
            { id: item.id, version: item.version, status: item.reviewStatus },
            () => `试题 ${item.id} 第 ${item.version} 版：${item.reviewStatus}`,
          );
        });
      },
    );

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
