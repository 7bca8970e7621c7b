import type { Command } from 'commander';
import type { CliIo } from './cli-context';
import type { CommandModule, LazyCommand } from './lazy-commands';

type Register = (program: Command, io: CliIo) => void;

/**
 * qbank's top-level commands, in help order, and the modules that register them
 * (docs/decisions/0721): a command line loads only the module of the command it names. A new
 * command gets a line here; cli-help.test.ts fails until the line matches its registration.
 */
export function qbankCommands(io: CliIo): LazyCommand[] {
  const module =
    (load: () => Promise<Register>): CommandModule =>
    async () => {
      const register = await load();
      return (program) => register(program, io);
    };
  const init = module(async () => (await import('./commands/init-command')).registerInit);
  const standard = module(
    async () => (await import('./commands/standard-command')).registerStandard,
  );
  const importExport = module(
    async () => (await import('./commands/import-command')).registerImportExport,
  );
  const queries = module(async () => (await import('./commands/query-commands')).registerQueries);
  const review = module(async () => (await import('./commands/review-command')).registerReview);
  const classify = module(
    async () => (await import('./commands/classify-command')).registerClassify,
  );
  const statistics = module(
    async () => (await import('./commands/statistics-command')).registerStatistics,
  );
  const blueprint = module(
    async () => (await import('./commands/blueprint-command')).registerBlueprint,
  );
  const assemble = module(
    async () => (await import('./commands/assemble-command')).registerAssemble,
  );
  const packageModule = module(
    async () => (await import('./commands/package-command')).registerPackage,
  );
  const keygen = module(async () => (await import('./commands/keygen-command')).registerKeygen);
  const command = (
    name: string,
    term: string,
    description: string,
    modules: readonly CommandModule[],
  ): LazyCommand => ({ name, term, description, modules });
  return [
    command('init', 'init [options] <bank>', '新建一个空题库文件（SQLite）', [init]),
    command('standard', 'standard', '职业技能标准与鉴定要素细目表', [standard]),
    command(
      'import',
      'import [options] <file>',
      '导入试题文件：全部成功或全部不变（--valid-only 只导入合格的行）',
      [importExport],
    ),
    command('export', 'export [options]', '导出试题（当前版本）', [importExport]),
    command('search', 'search [options] <text>', '全文搜索试题（中文任意子串，一两个字也可以）', [
      queries,
    ]),
    command('stats', 'stats', '题库健康报告（默认）与统计数据导入', [queries, statistics]),
    command(
      'duplicates',
      'duplicates [options]',
      '列出疑似重复（相似度 ≥ 0.85、同一鉴定点）的试题',
      [queries],
    ),
    command(
      'review',
      'review [options] <action> [itemIds...]',
      '审核：submit 提交、approve 通过、reject 退回（须填意见）、retire 停用；可一次处理多道试题',
      [review],
    ),
    command('item', 'item', '查看试题', [review]),
    command('classify', 'classify', '为导入时没有鉴定点代码（在“未分类”池中）的试题指定鉴定点', [
      classify,
    ]),
    command(
      'analyze',
      'analyze [options] <responses>',
      '试题分析（经典测量理论）：难度、区分度、干扰项、信度',
      [queries, statistics],
    ),
    command('blueprint', 'blueprint', '组卷方案', [blueprint]),
    command(
      'assemble',
      'assemble [options]',
      '按组卷方案自动组卷（0-1 整数规划，HiGHS），可一次组多套平行卷',
      [assemble],
    ),
    command(
      'package',
      'package [options]',
      '把试卷打成签名加密的考试包 .exampkg；package verify 校验考试包',
      [packageModule],
    ),
    command(
      'keygen',
      'keygen [options]',
      '生成密钥：题库签名密钥（Ed25519）与考点服务器密钥（X25519）',
      [keygen],
    ),
  ];
}
