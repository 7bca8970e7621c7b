import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contentBuilders,
  dispatchIpc,
  itemBody,
  type IpcChannel,
  type IpcInput,
  type IpcInvokeMap,
  type IpcOutput,
} from '@skillexam/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../src/host/host-handlers';

/*
 * The author workbench's host side end to end: every call goes through `dispatchIpc`, so the
 * bank:* contract (input AND output schemas) is checked on each reply; the bank is a real
 * .qbank file in a temp folder.
 */

const standardJson = readFileSync(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);

let dir: string;
let handlers: IpcInvokeMap;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

async function failure(
  channel: IpcChannel,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (reply.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return reply.error;
}

const POINT = '6-31-01-03:2018:A-A-001';

function singleChoice(stem: string) {
  return {
    type: 'single_choice',
    stem: itemBody(contentBuilders.paragraph(stem, contentBuilders.formula('P=I^2R'))),
    options: ['A', 'B', 'C', 'D'].map((id) => ({
      id,
      content: itemBody(contentBuilders.paragraph(`选项${id}`)),
    })),
    key: 'B',
    assessmentPointId: POINT,
    level: 4,
    difficulty: 3,
  };
}

async function openWithStandard(): Promise<void> {
  await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'admin'] });
  await call('bank:open', { name: '电工四级', create: true });
  await call('bank:import-standard', {
    fileName: 'standard.json',
    data: standardJson.toString('base64'),
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bank-service-'));
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

describe('bank service (author workbench host)', () => {
  it('signs a user in, creates and lists bank files, and refuses names with paths', async () => {
    expect((await call('bank:session', {})).user).toBeUndefined();
    expect(await failure('bank:open', { name: 'x', create: true })).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer'] });
    const session = await call('bank:open', { name: '电工四级', create: true });
    expect(session.bank?.name).toBe('电工四级.qbank');
    expect((await call('bank:list-files', {})).files.map((f) => f.name)).toEqual([
      '电工四级.qbank',
    ]);
    expect(await failure('bank:open', { name: '电工四级', create: true })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure('bank:open', { name: '../evil', create: true })).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('不能包含路径'),
    });
    expect(await failure('bank:open', { name: '不存在' })).toMatchObject({ code: 'NOT_FOUND' });
    // The user list survives a restart of the host (authors.json).
    const again = createHostHandlers({
      runtime: 'node',
      version: 'test',
      journalDir: join(dir, 'journals'),
      bankDir: join(dir, 'banks'),
    });
    const reply = await dispatchIpc(again, 'author', 'bank:session', {});
    expect(reply.ok && reply.data).toMatchObject({ user: { id: 'zhangsan', name: '张三' } });
  });

  it('refuses a damaged authors.json with a clear message', () => {
    const bankDir = join(dir, 'broken');
    mkdirSync(bankDir);
    writeFileSync(join(bankDir, 'authors.json'), '{"users": [{"id": "坏 id"}]}');
    expect(() =>
      createHostHandlers({ runtime: 'node', version: 't', journalDir: join(dir, 'j'), bankDir }),
    ).toThrow(/authors\.json 格式不正确/);
  });

  it('imports a standard and shows the tree with counts and health', async () => {
    await openWithStandard();
    const { standards } = await call('bank:standards', {});
    expect(standards).toEqual([
      expect.objectContaining({ id: '6-31-01-03:2018', occupationName: '电工', levels: [4] }),
    ]);
    const { nodes } = await call('bank:standard-tree', { standardId: '6-31-01-03:2018' });
    const point = nodes.find((node) => node.key === POINT);
    expect(point).toMatchObject({ kind: 'point', path: 'A-A-001', items: 0, health: 'empty' });
    const top = nodes.find((node) => node.key === '6-31-01-03:2018:A');
    expect(top).toMatchObject({ kind: 'range', name: '基本要求' });
    expect(top?.parentKey).toBeUndefined();
    expect(nodes.filter((node) => node.parentKey === '6-31-01-03:2018:A-A')).toHaveLength(4);
  });

  it('runs the whole review: save, submit, the writer cannot approve, a reviewer approves', async () => {
    await openWithStandard();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { hash } = await call('bank:put-asset', {
      mime: 'image/png',
      data: Buffer.from(png).toString('base64'),
    });
    const content = singleChoice('电阻的功率');
    content.stem = itemBody(
      contentBuilders.paragraph('电阻的功率', contentBuilders.formula('P=I^2R')),
      contentBuilders.image(hash, '电路图'),
    );
    const saved = await call('bank:save-item', { content, tags: ['功率'] });
    const id = saved.item.item.id;
    expect(saved.item).toMatchObject({ author: 'zhangsan', item: { reviewStatus: 'draft' } });
    const { assets } = await call('bank:assets', { hashes: [hash] });
    expect(assets[0]?.dataUrl).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);

    expect((await call('bank:review', { ids: [id], action: 'submit' })).results).toEqual([
      { id, ok: true, status: 'in_review' },
    ]);
    // zhangsan has no reviewer role: refused before the bank is asked.
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer'] });
    expect(await failure('bank:review', { ids: [id], action: 'approve' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('审题人员'),
    });
    // With the role, the bank's four-eyes rule refuses the own item, per item, with the reason.
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'reviewer'] });
    const own = await call('bank:review', { ids: [id], action: 'approve' });
    expect(own.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('自己编写') });

    await call('bank:set-user', { id: 'lisi', name: '李四', roles: ['reviewer'] });
    const queue = await call('bank:search', {
      query: '',
      filter: { status: 'in_review' },
      offset: 0,
      limit: 50,
    });
    expect(queue.hits.map((hit) => hit.id)).toEqual([id]);
    expect(
      (await call('bank:review', { ids: [id], action: 'approve', comment: '同意' })).results,
    ).toEqual([{ id, ok: true, status: 'approved' }]);

    const history = await call('bank:history', { id });
    expect(history.events.map((e) => [e.to, e.actor])).toEqual([
      ['draft', 'zhangsan'],
      ['in_review', 'zhangsan'],
      ['approved', 'lisi'],
    ]);
    const { nodes } = await call('bank:standard-tree', { standardId: '6-31-01-03:2018' });
    expect(nodes.find((node) => node.key === POINT)).toMatchObject({
      items: 1,
      approved: 1,
      health: 'thin',
    });
    const dashboard = await call('bank:dashboard', {});
    expect(dashboard.byStatus['approved']).toBe(1);
    expect(dashboard.ranges.find((r) => r.path === 'A')).toMatchObject({ covered: 1, approved: 1 });
  });

  it('editing an approved item makes version 2 with a diff; tagging reports per item', async () => {
    await openWithStandard();
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer'] });
    const id = (await call('bank:save-item', { content: singleChoice('原题干') })).item.item.id;
    await call('bank:review', { ids: [id], action: 'submit' });
    const inReview = await call('bank:tag', { ids: [id], tags: ['新'] });
    expect(inReview.results[0]).toMatchObject({
      ok: false,
      error: expect.stringContaining('审核中'),
    });
    await call('bank:set-user', { id: 'lisi', name: '李四', roles: ['reviewer'] });
    await call('bank:review', { ids: [id], action: 'approve' });
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer'] });
    const edited = await call('bank:save-item', { id, content: singleChoice('新题干') });
    expect(edited).toMatchObject({ newVersion: true, item: { item: { version: 2 } } });
    const diff = await call('bank:diff', { id, from: 1, to: 2 });
    expect(diff.patch).toContain('-');
    expect(diff.patch).toContain('新题干');
    expect(diff).toMatchObject({ added: expect.any(Number), removed: expect.any(Number) });
    expect(diff.added).toBeGreaterThan(0);
    const tagged = await call('bank:tag', { ids: [id, 'no-such-item'], tags: ['功率'] });
    expect(tagged.results).toEqual([
      { id, ok: true, status: 'draft' },
      { id: 'no-such-item', ok: false, error: expect.stringContaining('不存在') },
    ]);
    expect((await call('bank:get-item', { id })).item.tags).toEqual(['功率']);
  });

  it('rejects invalid content with the schema messages and changes nothing', async () => {
    await openWithStandard();
    const bad = { ...singleChoice('题干'), key: 'F' };
    const error = await failure('bank:save-item', { content: bad });
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/key/);
    const page = await call('bank:search', { query: '', filter: {}, offset: 0, limit: 10 });
    expect(page.total).toBe(0);
  });

  it('inspects, dry-runs and imports a CSV with a column mapping, then exports it', async () => {
    await openWithStandard();
    const csv = [
      '类型,试题内容,A,B,C,D,正确答案,鉴定点',
      '单选,电工作业必须持证上岗吗？,必须,不必,视情况,无规定,A,A-A-003',
      '单选,错误的鉴定点,甲,乙,丙,丁,A,Z-Z-999',
    ].join('\r\n');
    const data = Buffer.from(csv, 'utf8').toString('base64');
    const inspection = await call('bank:inspect-import', { fileName: 'items.csv', data });
    expect(inspection).toMatchObject({
      format: 'csv',
      headers: ['类型', '试题内容', 'A', 'B', 'C', 'D', '正确答案', '鉴定点'],
    });
    const mapping = {
      type: '类型',
      stem: '试题内容',
      optionA: 'A',
      optionB: 'B',
      optionC: 'C',
      optionD: 'D',
      key: '正确答案',
      pointCode: '鉴定点',
    };
    const dry = await call('bank:import-items', {
      fileName: 'items.csv',
      data,
      mapping,
      dryRun: true,
      validOnly: false,
    });
    expect(dry).toMatchObject({ committed: false, total: 2, skipped: 1 });
    expect(dry.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: 3, severity: 'error' })]),
    );
    const refused = await call('bank:import-items', {
      fileName: 'items.csv',
      data,
      mapping,
      dryRun: false,
      validOnly: false,
    });
    expect(refused.committed).toBe(false);
    const done = await call('bank:import-items', {
      fileName: 'items.csv',
      data,
      mapping,
      dryRun: false,
      validOnly: true,
    });
    expect(done).toMatchObject({ committed: true, imported: 1, skipped: 1 });
    const exported = await call('bank:export-items', { format: 'csv', query: '', filter: {} });
    expect(exported.count).toBe(1);
    expect(Buffer.from(exported.data, 'base64').toString('utf8')).toContain(
      '电工作业必须持证上岗吗',
    );
  });

  it('keeps bank channels away from the kiosk window', async () => {
    const reply = await dispatchIpc(handlers, 'kiosk', 'bank:session', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
