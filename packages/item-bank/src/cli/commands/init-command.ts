import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { openBank } from '../../db/open-bank';
import { schemaVersion } from '../../db/migrate';
import { emit, InvalidInputError, type CliIo } from '../cli-context';

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('新建一个空题库文件（SQLite）')
    .argument('<bank>', '题库文件路径，如 电工.qbank')
    .option('--json', '以 JSON 输出')
    .action((path: string, options: { json?: boolean }) => {
      if (existsSync(path)) throw new InvalidInputError(`文件 ${path} 已存在，不会覆盖`);
      const bank = openBank(path);
      const version = schemaVersion(bank.db);
      bank.close();
      emit(
        io,
        options.json,
        { bank: path, schemaVersion: version },
        () => `已创建题库 ${path}（结构版本 ${version}）`,
      );
    });
}
