import type { Command } from 'commander';
import { itemStatisticsHistory } from '../../statistics/item-statistics-history';
import { emit, withBank, type CliIo } from '../cli-context';

const fixed = (value: number | undefined, digits = 3) =>
  value === undefined ? '—' : value.toFixed(digits);

/**
 * `qbank stats history <itemId>`: an item's measured statistics version by version — pooled
 * (n-weighted) figures, papers that pinned the version, candidates who saw it — and each
 * administration (paper, session, date, n) they come from.
 */
export function registerStatisticsHistory(stats: Command, io: CliIo): void {
  stats
    .command('history')
    .description('一道试题各版本的实测统计：合并值、用过的试卷数、作答考生数，以及每次考试的数据')
    .argument('<itemId>', '试题编号')
    .requiredOption('--bank <bank>', '题库文件')
    .option('--json', '以 JSON 输出')
    .action((itemId: string, options: { bank: string; json?: boolean }) => {
      withBank(options.bank, (bank) => {
        const history = itemStatisticsHistory(bank, itemId);
        const { versions, administrations } = history;
        emit(io, options.json, history, () =>
          [
            `试题 ${itemId}（当前第 ${history.currentVersion} 版）`,
            ...(versions.length === 0 ? ['  尚无试卷使用，也没有导入过统计'] : []),
            ...versions.flatMap((v) => [
              `  第 ${v.version} 版：p ${fixed(v.p)}，区分度 ${fixed(v.discrimination)}，n ${v.n}（${v.administrations} 次考试）；用过的试卷 ${v.papersPinned} 套，作答考生 ${v.candidatesSeen} 人`,
              ...administrations
                .filter((a) => a.version === v.version)
                .map(
                  (a) =>
                    `    ${a.administeredOn ?? a.importedAt.slice(0, 10)} ${a.examId === undefined ? '' : `试卷 ${a.examId} `}${a.sessionId === undefined ? '' : `场次 ${a.sessionId} `}n ${a.n}：p ${fixed(a.p)}，区分度 ${fixed(a.discrimination)}（${a.fileName}）`,
                ),
            ]),
          ].join('\n'),
        );
      });
    });
}
