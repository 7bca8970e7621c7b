import type { Command } from 'commander';
import type { CenterPrincipal } from '../auth/center-roles';
import type { StoreFlags } from '../cli/store-options';

/*
 * `center batch list` and `center batch show <id>`: reading batches on the server's console
 * (as a centre admin reads them). Changing a batch needs a signed-in person for the four-eyes
 * rule, so it is done through the routes (docs/center-batches.md), not here.
 */

const CONSOLE: CenterPrincipal = { staffId: 'cli', username: 'cli', role: 'centre_admin' };

interface Flags extends StoreFlags {
  readonly json?: boolean;
}

async function load() {
  const [store, io, service, audit] = await Promise.all([
    import('../cli/store-options'),
    import('../cli/cli-io'),
    import('./batch-service'),
    import('../audit/pg-audit-log'),
  ]);
  return { ...store, ...io, ...service, audit };
}

export function addBatchCommands(program: Command): void {
  const batch = program.command('batch').description('认定批次 (assessment batches, read only)');
  batch
    .command('list')
    .description('列出批次 (list batches)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (flags: Flags) => {
      const { withStore, output, listVisibleBatches, audit } = await load();
      const batches = await withStore(flags, (db) =>
        listVisibleBatches(
          { db, audit: audit.createPgAuditLog(), publicBaseUrl: '', now: () => new Date() },
          CONSOLE,
        ),
      );
      output(flags.json === true, batches, () =>
        batches.length === 0
          ? ['没有批次 (no batches)']
          : batches.map(
              (b) => `${b.id}  ${b.status}  ${b.occupationName} ${b.level} 级  ${b.name}`,
            ),
      );
    });
  batch
    .command('show <id>')
    .description('查看批次及考生成绩 (a batch with its candidates)')
    .option('--data <dir>', '内置数据库目录 (embedded store folder; DATABASE_URL wins)')
    .option('--json', '以 JSON 输出 (print JSON)')
    .action(async (id: string, flags: Flags) => {
      const { withStore, output, getBatch, audit } = await load();
      const view = await withStore(flags, (db) =>
        getBatch(
          { db, audit: audit.createPgAuditLog(), publicBaseUrl: '', now: () => new Date() },
          CONSOLE,
          id,
        ),
      );
      output(flags.json === true, view, () => [
        `${view.batch.name}（${view.batch.status}）：考生 ${view.summary.candidates} 人，合格 ${view.summary.pass}，不合格 ${view.summary.fail}，待定 ${view.summary.incomplete}`,
        ...view.candidates.map(
          (c) =>
            `${c.name}  理论 ${c.theoryScore ?? '—'}  实操 ${c.skillsScore ?? '—'}  综合评审 ${c.reviewScore ?? '—'}  ${c.outcome}`,
        ),
      ]);
    });
}
