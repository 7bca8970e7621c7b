import { anchorText } from '@skillexam/shared';
import type { Command } from 'commander';
import type { CenterDb } from '../db/center-db';
import type { StoreFlags } from './store-options';

/* `center migrate`, `center staff …`, `center organisation …`, `center audit verify|head`. */

const CLI_ACTOR = { username: 'cli' };

/*
 * Each action loads what it needs when it runs (the store, argon2, zod schemas), so `center
 * --help` and a typo answer at once.
 */
async function load() {
  const [audit, verify, anchors, auditRows, organisations, staff, schemas, migrate, io, store] =
    await Promise.all([
      import('../audit/pg-audit-log'),
      import('../audit/verify-audit'),
      import('./audit-anchor-options'),
      import('../audit/audit-repository'),
      import('../auth/organisations'),
      import('../auth/staff-admin'),
      import('../auth/staff-schemas'),
      import('../db/migrate'),
      import('./cli-io'),
      import('./store-options'),
    ]);
  const deps = (db: CenterDb) => ({ db, audit: audit.createPgAuditLog(), now: () => new Date() });
  return {
    ...verify,
    ...anchors,
    ...auditRows,
    ...organisations,
    ...staff,
    ...schemas,
    ...migrate,
    ...io,
    ...store,
    deps,
  };
}

interface JsonFlags extends StoreFlags {
  readonly json?: boolean;
}

interface VerifyFlags extends JsonFlags {
  readonly anchor?: string[];
  readonly anchors?: string;
}

const dataOption = (command: Command) =>
  command
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)');

export function addAdminCommands(program: Command): void {
  dataOption(
    program.command('migrate').description('升级数据库结构 (apply pending migrations)'),
  ).action(async (flags: JsonFlags) => {
    const { openStore, migrate, output } = await load();
    const db = await openStore(flags);
    try {
      const result = await migrate(db);
      output(flags.json === true, result, () => [
        result.applied.length === 0
          ? `数据库已是最新 (up to date at ${String(result.version)})`
          : `已应用迁移 (applied): ${result.applied.join(', ')}`,
      ]);
    } finally {
      await db.close();
    }
  });

  const staff = program.command('staff').description('中心人员账号 (staff accounts)');
  dataOption(
    staff
      .command('add <username>')
      .description('新增人员，显示一次性密码 (add staff; prints a one-time password once)')
      .requiredOption('--role <role>', 'centre_admin | org_staff | supervisor')
      .option('--name <displayName>', '姓名 (display name; default the username)')
      .option('--organisation <id>', '所属评价机构 (org_staff only)'),
  ).action(
    async (
      username: string,
      flags: JsonFlags & { role: string; name?: string; organisation?: string },
    ) => {
      const { NewStaffSchema, withStore, addStaff, deps, output } = await load();
      const input = NewStaffSchema.parse({
        username,
        displayName: flags.name ?? username,
        role: flags.role,
        ...(flags.organisation === undefined ? {} : { organisationId: flags.organisation }),
      });
      const result = await withStore(flags, (db) => addStaff(deps(db), CLI_ACTOR, input));
      output(flags.json === true, result, () => [
        `已新增 ${result.staff.username} (${result.staff.role})`,
        `一次性密码 one-time password (只显示这一次 shown once): ${result.oneTimePassword}`,
      ]);
    },
  );
  dataOption(staff.command('list').description('列出人员 (list staff)')).action(
    async (flags: JsonFlags) => {
      const { withStore, listStaff, output } = await load();
      const rows = await withStore(flags, (db) => listStaff(db));
      output(flags.json === true, rows, () =>
        rows.map(
          (s) =>
            `${s.username.padEnd(20)} ${s.role.padEnd(13)} ${s.disabled ? '停用 disabled' : ''}`,
        ),
      );
    },
  );

  const organisation = program
    .command('organisation')
    .description('评价机构 (evaluation organisations)');
  dataOption(
    organisation
      .command('add')
      .description('新增评价机构 (add an organisation)')
      .requiredOption('--name <name>', '名称 (name)')
      .requiredOption('--kind <Y|S>', '机构类别 (kind)')
      .requiredOption('--code <code>', '4 位评价机构代码 (0000 when filed with a province)')
      .requiredOption('--province <code>', '2 位省份代码 (province code)')
      .option('--filed-at <iso>', '备案时间 (filing time, ISO 8601; default now)'),
  ).action(
    async (
      flags: JsonFlags & {
        name: string;
        kind: string;
        code: string;
        province: string;
        filedAt?: string;
      },
    ) => {
      const { NewOrganisationSchema, withStore, addOrganisation, deps, output } = await load();
      const input = NewOrganisationSchema.parse({
        name: flags.name,
        kind: flags.kind,
        code: flags.code,
        province: flags.province,
        ...(flags.filedAt === undefined ? {} : { filedAt: flags.filedAt }),
      });
      const created = await withStore(flags, (db) => addOrganisation(deps(db), CLI_ACTOR, input));
      output(flags.json === true, created, () => [`已新增评价机构 ${created.name}: ${created.id}`]);
    },
  );
  dataOption(organisation.command('list').description('列出评价机构 (list organisations)')).action(
    async (flags: JsonFlags) => {
      const { withStore, listOrganisations, output } = await load();
      const rows = await withStore(flags, (db) => listOrganisations({ db }, undefined));
      output(flags.json === true, rows, () =>
        rows.map((o) => `${o.id}  ${o.kind}${o.code} ${o.province}  ${o.name}`),
      );
    },
  );

  const audit = program.command('audit').description('审计链 (audit chain)');
  dataOption(audit.command('verify').description('校验审计链 (verify the audit chain)'))
    .option(
      '--anchor <seq:hash...>',
      '外部锚点：考点回执或记下的链头 (anchors held outside the database)',
    )
    .option('--anchors <file>', '锚点文件，每行一个 (a file of anchors, one per line)')
    .action(async (flags: VerifyFlags) => {
      const { withStore, verifyAudit, anchorsFromFlags, output } = await load();
      const anchors = anchorsFromFlags(flags);
      const result = await withStore(flags, (db) => verifyAudit(db, anchors));
      output(flags.json === true, result, () => [
        result.ok
          ? `审计链完整 (chain intact): ${String(result.records)} 条记录，核对外部锚点 ${String(result.anchors)} 个`
          : `审计链异常 (chain broken) at ${String(result.seq)}: ${result.problem}`,
      ]);
      if (!result.ok) process.exitCode = 1;
    });
  dataOption(
    audit
      .command('head')
      .description('打印链头，供记录为外部锚点 (print the head to keep as an anchor)'),
  ).action(async (flags: JsonFlags) => {
    const { withStore, readAuditHead, output } = await load();
    const head = (await withStore(flags, (db) => readAuditHead(db))) ?? { seq: 0, hash: '' };
    const at = new Date().toISOString();
    const anchor = anchorText(head);
    output(flags.json === true, { ...head, anchor, at }, () => [`${anchor}  // ${at}`]);
  });
}
