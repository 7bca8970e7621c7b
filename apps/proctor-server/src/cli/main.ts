import { CommanderError } from 'commander';
import { buildProgram } from './commands';
import { EXIT_INVALID_INPUT, exitCodeOf } from './cli-io';

/** `proctor-server` entry: exit 0 on success, 2 on invalid input, 1 on any other failure. */
try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // help and version exit 0; usage errors are invalid input
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_INVALID_INPUT;
  } else {
    console.error(`错误: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = exitCodeOf(error);
  }
}
