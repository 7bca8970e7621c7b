import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, PROCTOR_COMMANDS } from '../src/cli/program';

/*
 * proctor-server loads only the module of the command a command line names (decision 0721);
 * `proctor-server --help` lists the commands from a table held here to the real registrations.
 */
function listing(program: Command): string[][] {
  const help = program.createHelp();
  return program.commands.map((command) => [
    command.name(),
    help.subcommandTerm(command),
    command.description(),
  ]);
}

describe('proctor-server help without loading the commands', () => {
  it('the table names every command with its real help line and description, in order', async () => {
    const full = await buildProgram();
    expect(PROCTOR_COMMANDS.map((c) => [c.name, c.term, c.description])).toEqual(listing(full));
  });

  it('the help printed without loading them is the full program’s help', async () => {
    const full = (await buildProgram()).helpInformation();
    const lazy = (await buildProgram(['--help'])).helpInformation();
    expect(lazy).toBe(full);
  });

  it('a named command is registered with its subcommands', async () => {
    const program = await buildProgram(['tls', 'show']);
    const tls = program.commands.find((command) => command.name() === 'tls');
    expect(tls?.commands.map((command) => command.name())).toContain('show');
  });
});
