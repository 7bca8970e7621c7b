import { Command } from 'commander';
import type { CliIo } from './cli-context';
import { addAllCommands, addLazyCommands } from './lazy-commands';
import { qbankCommands } from './qbank-commands';

/**
 * The `qbank` command tree; run-cli.ts runs it and maps errors to exit codes. With `argv`, only
 * the command it names is loaded (docs/decisions/0721); without, every command.
 */
export async function createProgram(io: CliIo, argv?: readonly string[]): Promise<Command> {
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
  const commands = qbankCommands(io);
  if (argv === undefined) await addAllCommands(program, commands);
  else await addLazyCommands(program, commands, argv);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  return program;
}
