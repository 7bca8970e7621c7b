import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/program';
import { qbankCommands } from '../src/cli/qbank-commands';
import { runCli } from '../src/cli/run-cli';

/*
 * qbank loads only the module of the command a command line names (docs/decisions/0721); its
 * help then comes from a table. These tests hold the table to the real registrations.
 */
const quiet = { out: () => {}, err: () => {} };

function listing(program: Command): string[][] {
  const help = program.createHelp();
  return program.commands.map((command) => [
    command.name(),
    help.subcommandTerm(command),
    command.description(),
  ]);
}

describe('qbank help without loading the commands', () => {
  it('the table names every command with its real help line and description, in order', async () => {
    const full = await createProgram(quiet);
    const table = qbankCommands(quiet).map((c) => [c.name, c.term, c.description]);
    expect(table).toEqual(listing(full));
  });

  it('`qbank --help` prints exactly what the fully registered program prints', async () => {
    const full = (await createProgram(quiet)).helpInformation();
    const printed: string[] = [];
    const code = await runCli(['--help'], { out: (text) => printed.push(text), err: () => {} });
    expect(code).toBe(0);
    expect(printed.join('\n')).toBe(full.trimEnd());
  });

  it('a named command is registered for real: `qbank help search` shows its options', async () => {
    const printed: string[] = [];
    const code = await runCli(['help', 'search'], {
      out: (text) => printed.push(text),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(printed.join('\n')).toContain('--bank');
  });

  it('an unknown command is refused with a suggestion from the table', async () => {
    const errors: string[] = [];
    const code = await runCli(['serch'], { out: () => {}, err: (text) => errors.push(text) });
    expect(code).toBe(2);
    expect(errors.join('\n')).toContain('search');
  });
});
