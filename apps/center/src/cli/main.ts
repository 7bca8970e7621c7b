import { Command, CommanderError } from 'commander';

/*
 * `center` — the evaluation centre's command (docs/center.md). Exit 0 on success, 2 on invalid
 * input, 1 on any other failure. Each command loads its code only when it runs, so `--help`
 * answers at once.
 */

function buildProgram(): Command {
  const program = new Command('center')
    .description('评价中心 — evaluation centre: results, batches, certificates, public lookup')
    .showHelpAfterError()
    .exitOverride();
  program
    .command('serve')
    .description('启动评价中心服务 (start the centre server)')
    .option('--port <port>', '端口 (port)', process.env['CENTER_PORT'] ?? '7400')
    .option('--host <host>', '监听地址 (address to listen on)', '0.0.0.0')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option(
      '--public-url <url>',
      '对外地址，用于链接和二维码 (public base URL for links and QR codes)',
    )
    .action(async (flags: { port: string; host: string; data?: string; publicUrl?: string }) => {
      const { serve } = await import('./serve-command');
      await serve(flags);
    });
  return program;
}

try {
  const program = buildProgram();
  // `serve` starts without loading the administration commands (and their store code twice)
  if (process.argv[2] !== 'serve') (await import('./admin-commands')).addAdminCommands(program);
  if (process.argv[2] !== 'serve')
    (await import('../sites/site-commands')).addSiteCommands(program);
  if (process.argv[2] !== 'serve')
    (await import('../ingest/ingest-commands')).addIngestCommands(program);
  if (process.argv[2] !== 'serve')
    (await import('../statistics/statistics-commands')).addStatisticsCommands(program);
  if (process.argv[2] !== 'serve')
    (await import('../batches/batch-commands')).addBatchCommands(program);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    const { errorMessage, exitCodeOf } = await import('./cli-io');
    const { z } = await import('zod');
    const message =
      error instanceof z.ZodError
        ? error.issues
            .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
            .join('; ')
        : errorMessage(error);
    console.error(`错误: ${message}`);
    process.exitCode = error instanceof z.ZodError ? 2 : exitCodeOf(error);
  }
}
