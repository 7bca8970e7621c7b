import type { Command } from 'commander';

/*
 * Commands registered on demand (docs/decisions/0721). A command's module — and whatever it
 * imports: SQLite, exceljs, pdfkit, the HiGHS solver — is loaded only when the command line names
 * that command. `--version`, `--help` and an unknown command load none: the program then lists
 * every command from this table (name, help line, description), which a test compares with the
 * real registrations so the two cannot drift apart.
 */

export interface LazyCommand {
  /** The top-level command's name (`search`). */
  readonly name: string;
  /** Its line in the program's help, as commander writes it (`search [options] <text>`). */
  readonly term: string;
  readonly description: string;
  /**
   * The modules that register it, in order (a module that extends another's command, like
   * `stats import`, comes after that one). Each registers every command it defines.
   */
  readonly modules: readonly CommandModule[];
}

/** Loads one command module and returns its registration. */
export type CommandModule = () => Promise<(program: Command) => void>;

const registered = new WeakMap<Command, Set<CommandModule>>();

async function register(program: Command, modules: readonly CommandModule[]): Promise<void> {
  const done = registered.get(program) ?? new Set<CommandModule>();
  registered.set(program, done);
  for (const load of modules) {
    if (done.has(load)) continue;
    done.add(load);
    (await load())(program);
  }
}

/** The top-level command the arguments name: the first operand, or the one after `help`. */
export function requestedCommand(argv: readonly string[]): string | undefined {
  const operands = argv.filter((arg) => !arg.startsWith('-'));
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/**
 * Adds the commands to `program` for this command line: the named one for real; when none is
 * named (or an unknown one), stand-ins that give the program's help and commander's "did you
 * mean" the same names and lines as the real commands.
 */
export async function addLazyCommands(
  program: Command,
  commands: readonly LazyCommand[],
  argv: readonly string[],
): Promise<void> {
  const wanted = requestedCommand(argv);
  const named = commands.find((command) => command.name === wanted);
  if (named !== undefined) {
    await register(program, named.modules);
    return;
  }
  const terms = new Map(commands.map((command) => [command.name, command.term]));
  for (const command of commands) program.command(command.name).description(command.description);
  const standard = program.createHelp();
  program.configureHelp({
    subcommandTerm: (command) => terms.get(command.name()) ?? standard.subcommandTerm(command),
  });
}

/** Every command registered for real, in table order (the help drift test, `--all` tools). */
export async function addAllCommands(
  program: Command,
  commands: readonly LazyCommand[],
): Promise<void> {
  for (const command of commands) await register(program, command.modules);
  // A module registers its commands together (`stats` brings `analyze`): list them in table order.
  const order = new Map(commands.map((command, index) => [command.name, index]));
  const position = (command: Command) => order.get(command.name()) ?? commands.length;
  (program.commands as Command[]).sort((a, b) => position(a) - position(b));
}
