import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidInputError } from '@skillexam/shared';

/* `center site enrol|list` (docs/decisions/1011-results-ingest.md). */

const CLI_ADMIN = { staffId: 'cli', username: 'cli', role: 'centre_admin' } as const;

interface Flags {
  readonly data?: string;
  readonly json?: boolean;
}

export function addSiteCommands(program: Command): void {
  const site = program.command('site').description('考点 (exam sites)');
  site
    .command('enrol')
    .description('登记考点及其审计签名公钥 (enrol a site and its audit signing key)')
    .requiredOption('--organisation <id>', '所属评价机构 (organisation id)')
    .requiredOption(
      '--name <name>',
      '考点名称，与考点服务器导出成绩时的 --site 一致 (site name as its packages say)',
    )
    .requiredOption('--serial <digits>', '6 位评价机构（站点）序列码 (6-digit site serial)')
    .requiredOption('--key <pem>', '考点的 keys/audit-signing.pub 文件 (the site public key file)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(
      async (
        flags: Flags & { organisation: string; name: string; serial: string; key: string },
      ) => {
        const [{ withStore }, { output }, { enrolSite }, { createPgAuditLog }] = await Promise.all([
          import('../cli/store-options'),
          import('../cli/cli-io'),
          import('./enrol-site'),
          import('../audit/pg-audit-log'),
        ]);
        let pem: string;
        try {
          pem = readFileSync(flags.key, 'utf8');
        } catch {
          throw new InvalidInputError(`公钥文件无法读取 (cannot read the key file): ${flags.key}`);
        }
        const view = await withStore(flags, (db) =>
          enrolSite({ db, audit: createPgAuditLog(), now: () => new Date() }, CLI_ADMIN, {
            organisationId: flags.organisation,
            name: flags.name,
            siteSerial: flags.serial,
            publicKeyPem: pem,
          }),
        );
        output(flags.json === true, view, () => [
          `已登记考点「${view.name}」(${view.siteSerial}): ${view.id}`,
          `  签名密钥 key id ${view.keyId}`,
        ]);
      },
    );
  site
    .command('list')
    .description('列出考点 (list sites)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (flags: Flags) => {
      const [{ withStore }, { output }, { listSites }, { siteView }] = await Promise.all([
        import('../cli/store-options'),
        import('../cli/cli-io'),
        import('./site-repository'),
        import('./enrol-site'),
      ]);
      const views = (await withStore(flags, (db) => listSites(db, undefined))).map(siteView);
      output(flags.json === true, views, () =>
        views.map(
          (s) =>
            `${s.siteSerial}  ${s.keyId}  ${s.name}  链头 #${s.chainHead?.seq ?? '—'}  (${s.organisationId})`,
        ),
      );
    });
}
