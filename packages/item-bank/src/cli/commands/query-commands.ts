import type { Command } from 'commander';
import { computeHealthReport } from '../../health/health-report';
import { searchItems } from '../../search/search-items';
import { emit, parseIntOption, withBank, type CliIo } from '../cli-context';
import { addFilterOptions, filterFromOptions, type FilterOptions } from './filter-options';

const TYPE_NAMES: Record<string, string> = {
  true_false: '判断',
  single_choice: '单选',
  multiple_choice: '多选',
  fill_blank: '填空',
  short_answer: '简答',
};

export function registerQueries(program: Command, io: CliIo): void {
  const search = program
    .command('search')
    .description('全文搜索试题（中文任意子串，一两个字也可以）')
    .argument('<text>', '搜索词，空格分隔的多个词须同时出现')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--limit <n>', '每页条数（1–200）', parseIntOption('--limit'), 20)
    .option('--offset <n>', '偏移量', parseIntOption('--offset'), 0)
    .option('--json', '以 JSON 输出');
  addFilterOptions(search).action(
    (
      text: string,
      options: FilterOptions & { bank: string; limit: number; offset: number; json?: boolean },
    ) => {
      withBank(options.bank, (bank) => {
        const page = searchItems(bank.search, text, filterFromOptions(options), {
          limit: options.limit,
          offset: options.offset,
        });
        emit(io, options.json, page, () =>
          [
            `共 ${page.total} 题，显示第 ${page.total === 0 ? 0 : page.offset + 1}–${page.offset + page.hits.length} 题`,
            ...page.hits.map(
              (hit) =>
                `${hit.id}  v${hit.version}  ${TYPE_NAMES[hit.type] ?? hit.type}  ${hit.pointPath}  ${hit.status}  ${hit.snippet}`,
            ),
          ].join('\n'),
        );
      });
    },
  );

  // `stats` groups the health report (the default: `qbank stats --bank …`) and `stats import`.
  program
    .command('stats')
    .description('题库健康报告（默认）与统计数据导入')
    .command('report', { isDefault: true })
    .description('题库健康报告：鉴定点覆盖、X/Y/Z 与难度分布、未使用和统计异常的试题')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--standard <id>', '只看此标准')
    .option('--json', '以 JSON 输出')
    .action((options: { bank: string; standard?: string; json?: boolean }) => {
      withBank(options.bank, (bank) => {
        const report = computeHealthReport(bank.health.healthData(options.standard));
        emit(io, options.json, report, () => {
          const thin = report.points.filter((p) => p.thin);
          return [
            `试题 ${report.totalItems} 道：已通过 ${report.byStatus.approved}，草稿 ${report.byStatus.draft}，审核中 ${report.byStatus.in_review}，已退回 ${report.byStatus.rejected}，已停用 ${report.byStatus.retired}`,
            `题型：${Object.entries(report.byType)
              .map(([t, n]) => `${TYPE_NAMES[t] ?? t} ${n}`)
              .join('，')}`,
            `重要程度：${(['X', 'Y', 'Z'] as const).map((k) => `${k} 鉴定点 ${report.importance[k].points} 个/已通过试题 ${report.importance[k].approvedItems} 道`).join('；')}`,
            `难度 1–5：${Object.values(report.difficulty).join(' / ')}`,
            `已通过试题少于 4 道的鉴定点：${report.thinPointCount} 个${
              thin.length > 0
                ? `（${thin
                    .slice(0, 20)
                    .map((p) => p.path)
                    .join('、')}${thin.length > 20 ? ' …' : ''}）`
                : ''
            }`,
            ...(report.unclassified > 0
              ? [
                  `未分类 ${report.unclassified} 题（没有鉴定点，不能审核通过或组卷；用 qbank classify queue 归类）`,
                ]
              : []),
            `从未被试卷使用的已通过试题：${report.neverUsed.length} 道`,
            `统计指标异常的试题：${report.statisticsFlags.length} 道`,
            ...report.statisticsFlags.slice(0, 20).map((f) => `  ${f.id}: ${f.reasons.join('；')}`),
          ].join('\n');
        });
      });
    });

  program
    .command('duplicates')
    .description('列出疑似重复（相似度 ≥ 0.85、同一鉴定点）的试题')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--json', '以 JSON 输出')
    .action((options: { bank: string; json?: boolean }) => {
      withBank(options.bank, (bank) => {
        const flags = bank.items.listDuplicateFlags();
        emit(io, options.json, flags, () =>
          flags.length === 0
            ? '没有疑似重复的试题'
            : [
                `疑似重复 ${flags.length} 对：`,
                ...flags.map((f) => `${f.itemId}  ${f.otherItemId}  相似度 ${f.similarity}`),
              ].join('\n'),
        );
      });
    });
}
