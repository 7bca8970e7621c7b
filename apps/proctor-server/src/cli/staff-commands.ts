import type { Command } from 'commander';
import { createArgon2Hasher } from '../auth/password-hasher';
import { disableStaff, enableStaff, setStaffPassword, unlockStaff } from '../auth/staff-admin';
import { openStore } from '../db/store';
import { cliActor, output, readFirstStdinLine } from './cli-io';

/**
 * `user disable | enable | passwd | unlock` (docs/decisions/0219). Disabling and a new password
 * end the account's logins; a running server drops their connections within a second.
 */
export function addStaffAdminCommands(user: Command): void {
  user
    .command('disable <username>')
    .description('停用账号并注销其登录 (disable; its logins end)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((username: string, opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const result = disableStaff(store.db, store.audit, username, cliActor(), Date.now());
        output(opts.json === true, result, () => [`已停用 ${username}`]);
      } finally {
        store.close();
      }
    });
  user
    .command('enable <username>')
    .description('重新启用账号 (enable again)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((username: string, opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const result = enableStaff(store.db, store.audit, username, cliActor(), Date.now());
        output(opts.json === true, result, () => [`已启用 ${username}`]);
      } finally {
        store.close();
      }
    });
  user
    .command('passwd <username>')
    .description('设置新密码（标准输入）并注销其登录 (new password from stdin; its logins end)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--password-stdin', 'read the password from the first line of stdin')
    .option('--json', 'print JSON')
    .action(
      async (username: string, opts: { data: string; passwordStdin?: boolean; json?: boolean }) => {
        if (opts.passwordStdin !== true && process.stdin.isTTY)
          process.stderr.write('新密码 (new password): ');
        const password = await readFirstStdinLine();
        const store = openStore(opts.data);
        try {
          const result = await setStaffPassword(
            store.db,
            store.audit,
            createArgon2Hasher(),
            { username, password },
            cliActor(),
            Date.now(),
          );
          output(opts.json === true, result, () => [`已为 ${username} 设置新密码`]);
        } finally {
          store.close();
        }
      },
    );
  user
    .command('unlock <username>')
    .description('清除登录等待 (clear the failed-login wait)')
    .requiredOption('--data <dir>', 'data directory')
    .option('--json', 'print JSON')
    .action((username: string, opts: { data: string; json?: boolean }) => {
      const store = openStore(opts.data);
      try {
        const result = unlockStaff(store.db, store.audit, username, cliActor(), Date.now());
        output(opts.json === true, result, () => [`已解除 ${username} 的登录等待`]);
      } finally {
        store.close();
      }
    });
}
