import { runCli } from './run-cli';

// The `qbank` entry point (bin/qbank.js runs this file through tsx).
process.exitCode = await runCli(process.argv.slice(2));
