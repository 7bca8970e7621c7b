import { basename } from 'node:path';
import { InvalidInputError, ReasonSchema } from '@skillexam/shared';
import { Option, type Command } from 'commander';
import { createArgon2Hasher } from '../auth/password-hasher';
import { addStaff } from '../auth/staff-accounts';
import { readWitnessOf, verifyStoreChain, type StoreVerification } from '../audit/verify-store';
import { backupNow } from '../backup/backup';
import { checkBackup, restoreBackup, RestoreError, type RestoreResult } from '../backup/restore';
import { loadConfig } from '../config';
import { openStore } from '../db/store';
import { keysDirOf, readAuditPublicKey } from '../keys/site-keys';
import { startServer } from '../server/serve';
import { cliActor, EXIT_FAILURE, output, readFirstStdinLine } from './cli-io';
import { commandProgress } from './cli-progress';
import { addStaffAdminCommands } from './staff-commands';

/** `serve`, `user`, `audit`, `backup`, `restore` (program.ts loads this module on demand). */
export function addServerCommands(program: Command): void {
  program
    .command('serve')
    .description('启动服务器 (start the server)')
    .requiredOption('--data <dir>', 'data directory (server.db)')
    .option('--port <port>', 'TCP port', '7300')
    .option('--host <host>', 'listen address', '0.0.0.0')
    .option('--backup-dir <dir>', 'online backups go here (default <data>-backups)')
    .option('--backup-interval <minutes>', 'minutes between online backups, 0 = off', '5')
    .option('--backup-keep <n>', 'how many backups to keep', '48')
    .option('--log-level <level>', 'pino log level', 'info')
    .option('--no-discovery', '不在局域网广播服务器 (no bonjour/mDNS advertisement)')
    .option('--site-name <name>', '考点名称, advertised to kiosks (default SkillExam 考点服务器)')
    .option(
      '--require-client-integrity <sha256...>',
      '只允许这些考试机客户端版本登录 (kiosk build hashes; default: any)',
    )
    .option(
      '--insecure-http',
      '不加密的 HTTP，仅供开发和测试 (plain HTTP: development and tests only)',
    )
    .option('--tls-name <name...>', '服务器证书附加的主机名 (extra host names for the certificate)')
    .option(
      '--tls-ip <ip...>',
      '服务器证书附加的 IPv4 地址 (extra IPv4 addresses for the certificate)',
    )
    .action(
      async (opts: {
        data: string;
        port: string;
        host: string;
        backupDir?: string;
        backupInterval: string;
        backupKeep: string;
        logLevel: string;
        discovery: boolean;
        siteName?: string;
        requireClientIntegrity?: string[];
        insecureHttp?: boolean;
        tlsName?: string[];
        tlsIp?: string[];
      }) => {
        let config;
        try {
          config = loadConfig(
            [
              '--data-dir',
              opts.data,
              '--port',
              opts.port,
              '--host',
              opts.host,
              '--log-level',
              opts.logLevel,
              '--backup-interval',
              opts.backupInterval,
              '--backup-keep',
              opts.backupKeep,
              ...(opts.backupDir === undefined ? [] : ['--backup-dir', opts.backupDir]),
              ...(opts.discovery ? [] : ['--no-discovery']),
              ...(opts.siteName === undefined ? [] : ['--site-name', opts.siteName]),
              ...(opts.requireClientIntegrity ?? []).flatMap((hash) => [
                '--require-client-integrity',
                hash,
              ]),
              ...(opts.insecureHttp === true ? ['--insecure-http'] : []),
              ...(opts.tlsName ?? []).flatMap((name) => ['--tls-name', name]),
              ...(opts.tlsIp ?? []).flatMap((ip) => ['--tls-ip', ip]),
            ],
            process.env,
          );
        } catch (error) {
          throw new InvalidInputError((error as Error).message);
        }
        const server = await startServer(config);
        // Handlers first: a supervisor may stop the server the moment it reads the line below.
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => {
            server.stop(`server stopped (${signal})`).then(
              () => process.exit(0),
              () => process.exit(EXIT_FAILURE),
            );
          });
        }
        const listening = JSON.stringify({
          event: 'listening',
          service: 'proctor-server',
          url: server.url,
          ...(server.fingerprint === undefined ? {} : { fingerprint: server.fingerprint }),
          pid: process.pid,
        });
        // No enabled exam admin yet: a one-time set-up code for the console (docs/decisions/0970),
        // in the same write as the listening line, so a reader of that line has it too.
        const setupCode = server.app.setup.issue();
        process.stdout.write(
          setupCode === undefined
            ? `${listening}\n`
            : `${listening}\n${JSON.stringify({ event: 'first-run', setupCode })}\n`,
        );
        if (setupCode !== undefined)
          process.stderr.write(`首次使用：在控制台输入设置码 ${setupCode} 创建考务管理员\n`);
      },
    );

  const user = program.command('user').description('考务人员账号 (staff accounts)');
  addStaffAdminCommands(user);
  user
    .command('add <username>')
    .description('添加账号；密码从标准输入读取 (password read from stdin)')
    .requiredOption('--data <dir>', 'data directory')
    .addOption(
      new Option('--role <role>', 'role')
        .choices(['admin', 'proctor', 'supervisor'])
        .makeOptionMandatory(),
    )
    .option(
      '--password-stdin',
      'read the password from the first line of stdin (default: also stdin, with a prompt)',
    )
    .option('--json', 'print JSON')
    .action(
      async (
        username: string,
        opts: { data: string; role: string; passwordStdin?: boolean; json?: boolean },
      ) => {
        if (opts.passwordStdin !== true && process.stdin.isTTY)
          process.stderr.write('密码 (password): ');
        const password = await readFirstStdinLine();
        const store = openStore(opts.data);
        try {
          const staff = await addStaff(
            store.db,
            store.audit,
            createArgon2Hasher(),
            { username, role: opts.role, password },
            cliActor(),
            Date.now(),
          );
          output(opts.json === true, { username: staff.username, role: staff.role }, () => [
            `已添加 ${staff.username} (${staff.role})`,
          ]);
        } finally {
          store.close();
        }
      },
    );

  const audit = program.command('audit').description('审计链 (audit trail)');
  audit
    .command('verify')
    .description('校验审计哈希链与签名检查点 (verify the hash chain and signed checkpoints)')
    .requiredOption('--data <dir>', 'data directory, or a backup file with --file')
    .option('--file <db>', 'verify this database file instead (e.g. a backup)')
    .option('--json', 'print JSON')
    .action((opts: { data: string; file?: string; json?: boolean }) => {
      // The witness is read before opening: opening writes one when it is missing.
      const head = readWitnessOf(opts.data);
      const store =
        opts.file === undefined
          ? openStore(opts.data, { onHeadConflict: () => {}, inspectOnly: true })
          : undefined;
      try {
        const result: StoreVerification =
          store === undefined
            ? { ...verifyBackupFile(opts.file ?? '', opts.data), warnings: [] }
            : verifyStoreChain(store, 50, head);
        output(opts.json === true, result, () => [
          result.ok
            ? `审计链完整: ${result.records} 条记录, ${result.checkpoints} 个签名检查点`
            : `审计链异常: ${result.problems.length} 处问题`,
          ...result.problems.map((p) => `  #${p.seq}: ${p.problem}`),
          ...result.warnings.map((w) => `  警告 (warning) #${w.seq}: ${w.problem}`),
        ]);
        if (!result.ok) process.exitCode = EXIT_FAILURE;
      } finally {
        store?.close();
      }
    });

  program
    .command('backup')
    .description('立即在线备份 (online backup now)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--to <dir>', 'backup directory (default <data>-backups)')
    .option('--keep <n>', 'keep the newest n backups', '48')
    .option('--json', 'print JSON')
    .action(async (opts: { data: string; to?: string; keep: string; json?: boolean }) => {
      const keep = Number(opts.keep);
      if (!Number.isInteger(keep) || keep < 1)
        throw new InvalidInputError(`--keep: 应为正整数，收到 ${opts.keep}`);
      const store = openStore(opts.data);
      const { progress, close } = commandProgress({ json: opts.json === true });
      try {
        const path = await backupNow(
          store.db,
          opts.to ?? `${opts.data.replace(/[\\/]+$/, '')}-backups`,
          Date.now(),
          keep,
          { progress },
        );
        close();
        output(opts.json === true, { path }, () => [`备份完成: ${path}`]);
      } finally {
        close();
        store.close();
      }
    });

  program
    .command('restore <backup>')
    .description('从备份恢复 (server must be stopped; the backup is verified first)')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--reason <text>', '恢复原因，记入审计链 (why; written in the audit chain)')
    .option('--json', 'print JSON')
    .action(async (backup: string, opts: { data: string; reason: string; json?: boolean }) => {
      const reason = restoreReasonOf(opts.reason);
      const { progress, close } = commandProgress({ json: opts.json === true });
      try {
        const result = await restoreBackup(backup, opts.data, Date.now(), { progress });
        recordRestore(opts.data, result, reason);
        close();
        output(opts.json === true, result, () => [
          `已从 ${result.restoredFrom} 恢复 (${result.auditRecords} 条审计记录)`,
          ...(result.previousDb === undefined ? [] : [`原数据库保存在 ${result.previousDb}`]),
        ]);
      } catch (error) {
        if (error instanceof RestoreError) throw new InvalidInputError(error.message);
        throw error;
      } finally {
        close();
      }
    });
}

/** The restore's reason by the rule of every destructive action (ReasonSchema). */
function restoreReasonOf(text: string): string {
  const parsed = ReasonSchema.safeParse(text);
  if (!parsed.success)
    throw new InvalidInputError(`--reason: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/**
 * The restore itself goes in the restored chain: the chain moved back to the backup's head, so
 * its next record says who restored which backup, why, and where the replaced database is.
 */
function recordRestore(dataDir: string, result: RestoreResult, reason: string): void {
  const store = openStore(dataDir);
  try {
    store.audit.append(
      store.db,
      {
        actor: cliActor(),
        action: 'backup.restored',
        payload: {
          backup: basename(result.restoredFrom),
          replaced: result.previousDb === undefined ? null : basename(result.previousDb),
          reason,
        },
      },
      Date.now(),
    );
  } finally {
    store.close();
  }
}

function verifyBackupFile(path: string, dataDir: string) {
  // A backup is verified read-only, without migrating or writing to it, with the site's public
  // key and the backup's own chain-head witness.
  return checkBackup(path, readAuditPublicKey(keysDirOf(dataDir))).audit;
}
