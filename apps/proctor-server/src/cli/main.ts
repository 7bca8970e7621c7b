import { CommanderError } from 'commander';
import { buildProgram } from './program';

/**
 * `proctor-server` entry: exit 0 on success, 2 on invalid input, 1 on any other failure. The
 * exit-code mapping (cli-io.ts, which loads the shared domain) is imported only after a failure.
 */
try {
  const program = await buildProgram(process.argv.slice(2));
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError && error.exitCode === 0) {
    // help and version
    process.exitCode = 0;
  } else {
    const { EXIT_INVALID_INPUT, exitCodeOf, errorMessage } = await import('./cli-io');
    if (error instanceof CommanderError) {
      // a usage error: commander has printed it
      process.exitCode = EXIT_INVALID_INPUT;
    } else {
      console.error(`错误: ${errorMessage(error)}`);
      process.exitCode = exitCodeOf(error);
    }
  }
}
