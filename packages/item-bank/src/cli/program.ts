import { Command } from 'commander';
import type { CliIo } from './cli-context';
import { registerAssemble } from './commands/assemble-command';
import { registerBlueprint } from './commands/blueprint-command';
import { registerImportExport } from './commands/import-command';
import { registerInit } from './commands/init-command';
import { registerKeygen } from './commands/keygen-command';
import { registerPackage } from './commands/package-command';
import { registerQueries } from './commands/query-commands';
import { registerReview } from './commands/review-command';
import { registerStandard } from './commands/standard-command';
import { registerStatistics } from './commands/statistics-command';

/** The `qbank` command tree; `main.ts` runs it and maps errors to exit codes. */
export function createProgram(io: CliIo): Command {
  const program = new Command('qbank')
    .description('职业技能等级认定理论题库工具：标准、试题、审核、搜索、导入导出')
    .version('0.1.0')
    .showHelpAfterError()
    // Lets a subcommand reuse a parent's option name (package --site-key / package verify --site-key).
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out(text.trimEnd()),
      writeErr: (text) => io.err(text.trimEnd()),
    });
  registerInit(program, io);
  registerStandard(program, io);
  registerImportExport(program, io);
  registerQueries(program, io);
  registerReview(program, io);
  registerStatistics(program, io);
  registerBlueprint(program, io);
  registerAssemble(program, io);
  registerPackage(program, io);
  registerKeygen(program, io);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
