import { CommanderError } from 'commander';
import { EXIT_INVALID, EXIT_OK, processIo, type CliIo } from './process-io';
import { createProgram } from './program';

/**
 * Runs qbank with `argv` (without node and script); returns the exit code. Only the named
 * command's module is loaded, and the error mapping only after a failure (docs/decisions/0721).
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
  try {
    const program = await createProgram(io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT_OK;
      }
      if (json) {
        io.out(
          JSON.stringify(
            { ok: false, error: { code: 'BAD_REQUEST', message: error.message } },
            null,
            2,
          ),
        );
      }
      return EXIT_INVALID;
    }
    const { reportCommandError } = await import('./cli-errors');
    return reportCommandError(error, io, json);
  }
}
