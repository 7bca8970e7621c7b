import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dispatchIpc,
  type IpcChannel,
  type IpcInput,
  type IpcInvokeMap,
  type IpcOutput,
} from '@skillexam/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../src/host/host-handlers';

/*
 * The 分类队列 bridge end to end: a real .qbank file, the sample 电工 standard, a GIFT bank
 * without 鉴定点 codes imported through `bank:import-items`; every call goes through
 * `dispatchIpc`, so the input and output schemas are checked on each reply.
 */

const standardJson = readFileSync(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);
const giftBank = readFileSync(
  new URL(
    '../../../packages/item-bank/test/import-export/fixtures/diangong-no-codes.gift',
    import.meta.url,
  ),
);
const STANDARD = '6-31-01-03:2018';
const point = (path: string) => `${STANDARD}:${path}`;

let dir: string;
let handlers: IpcInvokeMap;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

async function importPooled(): Promise<string[]> {
  await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'admin'] });
  await call('bank:open', { name: '电工题库', create: true });
  await call('bank:import-standard', {
    fileName: 'standard.json',
    data: standardJson.toString('base64'),
  });
  const report = await call('bank:import-items', {
    fileName: 'diangong-no-codes.gift',
    data: giftBank.toString('base64'),
    dryRun: false,
    validOnly: false,
  });
  expect(report).toMatchObject({ committed: true, imported: 12 });
  return report.importedIds;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'classification-'));
  handlers = createHostHandlers({
    runtime: 'node',
    version: 'test',
    journalDir: join(dir, 'journals'),
    bankDir: join(dir, 'banks'),
  });
});

afterEach(async () => {
  await dispatchIpc(handlers, 'author', 'bank:close', {});
  rmSync(dir, { recursive: true, force: true });
});

describe('classification queue (author workbench host)', () => {
  it('counts unclassified items on the dashboard and lists them with 鉴定点 suggestions', async () => {
    const ids = await importPooled();
    expect((await call('bank:dashboard', {})).unclassified).toBe(12);
    const queue = await call('bank:classification-queue', {
      standardId: STANDARD,
      offset: 0,
      limit: 50,
    });
    expect(queue).toMatchObject({ standardId: STANDARD, total: 12, offset: 0 });
    expect(queue.entries.map((entry) => entry.itemId)).toEqual(ids);
    const byStem = (text: string) => queue.entries.find((entry) => entry.stem.includes(text));
    expect(byStem('熔断器')?.suggestions[0]).toMatchObject({
      path: 'B-A-013',
      name: '熔断器与低压断路器的选择',
    });
    expect(byStem('星形—三角形降压启动')?.suggestions[0]?.path).toBe('B-A-006');
    expect(byStem('发现有人触电')?.suggestions[0]?.path).toBe('A-B-E-001');
    expect(queue.entries.every((entry) => entry.suggestions.length <= 3)).toBe(true);
    const { nodes } = await call('bank:standard-tree', { standardId: STANDARD });
    expect(nodes.some((node) => node.name === '未分类')).toBe(false);
  });

  it('refuses to send unclassified items to review; classifies in bulk and records who did it', async () => {
    const ids = await importPooled();
    const [fuse = '', star = ''] = ids;
    const refused = await call('bank:review', { ids: [fuse], action: 'submit' });
    expect(refused.results[0]).toMatchObject({
      ok: false,
      error: expect.stringContaining('试题尚未分类'),
    });

    const chosen = await call('bank:classify', { ids: [fuse], pointId: point('B-A-013') });
    expect(chosen.results).toEqual([
      { id: fuse, ok: true, pointId: point('B-A-013'), path: 'B-A-013', version: 2 },
    ]);
    const rest = ids.filter((id) => id !== fuse);
    const top = await call('bank:classify', { ids: rest, acceptTopSuggestion: true });
    expect(top.results.every((result) => result.ok)).toBe(true);
    expect(top.results.find((result) => result.id === star)?.path).toBe('B-A-006');

    const history = await call('bank:history', { id: fuse });
    expect(history.versions.map((v) => v.createdBy)).toEqual(['zhangsan', 'zhangsan']);
    expect(history.events.at(-1)).toMatchObject({
      actor: 'zhangsan',
      comment: '分类到鉴定点 B-A-013（熔断器与低压断路器的选择）',
    });
    expect((await call('bank:get-item', { id: fuse })).pointPath).toBe('B-A-013');
    expect((await call('bank:dashboard', {})).unclassified).toBe(0);
    expect(
      (await call('bank:classification-queue', { standardId: STANDARD, offset: 0, limit: 10 }))
        .total,
    ).toBe(0);
    expect((await call('bank:review', { ids: [fuse], action: 'submit' })).results[0]?.ok).toBe(
      true,
    );
  });

  it('with two standards, the import names the standard whose pool takes rows without a code', async () => {
    await importPooled();
    const older = JSON.parse(standardJson.toString('utf8')) as { standard: { version: string } };
    older.standard.version = '2009';
    await call('bank:import-standard', {
      fileName: 'standard-2009.json',
      data: Buffer.from(JSON.stringify(older)).toString('base64'),
    });
    const input = {
      fileName: 'diangong-no-codes.gift',
      data: giftBank.toString('base64'),
      dryRun: false,
      validOnly: false,
    };
    const refused = await call('bank:import-items', input);
    expect(refused.committed).toBe(false);
    expect(refused.issues[0]?.reason).toMatch(/题库有 2 个标准.*--standard/);
    const chosen = await call('bank:import-items', { ...input, standardId: '6-31-01-03:2009' });
    expect(chosen).toMatchObject({ committed: true, imported: 12 });
    const queue = await call('bank:classification-queue', {
      standardId: '6-31-01-03:2009',
      offset: 0,
      limit: 1,
    });
    expect(queue.total).toBe(12);
  });

  it('checks its input: one of pointId and acceptTopSuggestion, writers only', async () => {
    const ids = await importPooled();
    const both = await dispatchIpc(handlers, 'author', 'bank:classify', {
      ids,
      pointId: point('B-A-013'),
      acceptTopSuggestion: true,
    });
    expect(both.ok).toBe(false);
    await call('bank:set-user', { id: 'lisi', name: '李四', roles: ['reviewer'] });
    const reviewer = await dispatchIpc(handlers, 'author', 'bank:classify', {
      ids,
      acceptTopSuggestion: true,
    });
    expect(reviewer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
