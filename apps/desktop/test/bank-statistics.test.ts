import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bankOperator, importStatistics, openBank } from '@skillexam/item-bank';
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
 * Measured statistics in the workbench, through the real host and `dispatchIpc` (reply schemas
 * checked) on a real .qbank file: after a response file is imported, the dashboard's
 * 「实测难度 p 分布」 has the items, the item list's hits carry p and r, and an item's
 * 实测统计 lists its administrations.
 */

const standardJson = readFileSync(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);
const POINT = '6-31-01-03:2018:A-A-001';

let dir: string;
let handlers: IpcInvokeMap;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

function singleChoice(stem: string, key: string) {
  return {
    type: 'single_choice',
    stem: itemBody(contentBuilders.paragraph(stem)),
    options: ['A', 'B', 'C', 'D'].map((id) => ({
      id,
      content: itemBody(contentBuilders.paragraph(`${stem}的选项${id}`)),
    })),
    key,
    assessmentPointId: POINT,
    level: 4,
    difficulty: 3,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bank-statistics-'));
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

describe('measured statistics in the workbench', () => {
  it('shows imported statistics in the p histogram, the item list and the item history', async () => {
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'admin'] });
    await call('bank:open', { name: '电工四级', create: true });
    await call('bank:import-standard', {
      fileName: 'standard.json',
      data: standardJson.toString('base64'),
    });
    const stems = ['电流的单位是', '电压的单位是', '电阻的单位是'];
    const ids: string[] = [];
    for (const stem of stems)
      ids.push((await call('bank:save-item', { content: singleChoice(stem, 'B') })).item.item.id);
    expect((await call('bank:dashboard', {})).pHistogram.every((count) => count === 0)).toBe(true);

    // 20 candidates: item 1 p .95, item 2 p .55, item 3 p .15 (letters, keys from the bank).
    const rows = Array.from({ length: 20 }, (_, c) =>
      [`C${c + 1}`, c < 19 ? 'B' : 'A', c < 11 ? 'B' : 'C', c < 3 ? 'B' : 'D'].join(','),
    );
    const file = ['考生,' + ids.join(','), '#场次,S-2026-11', '#日期,2026-11-21', ...rows].join(
      '\n',
    );
    const bank = openBank(join(dir, 'banks', '电工四级.qbank'));
    try {
      importStatistics(bank, bankOperator('admin'), {
        bytes: new TextEncoder().encode(file),
        fileName: 'responses.csv',
      });
    } finally {
      bank.close();
    }

    const dashboard = await call('bank:dashboard', {});
    expect(dashboard.withStatistics).toBe(3);
    expect(dashboard.pHistogram).toEqual([0, 1, 0, 0, 0, 1, 0, 0, 0, 1]);

    const { hits } = await call('bank:search', { query: '', filter: {}, offset: 0, limit: 50 });
    const byId = new Map(hits.map((hit) => [hit.id, hit]));
    expect(ids.map((id) => byId.get(id)?.p)).toEqual([0.95, 0.55, 0.15]);
    expect(ids.every((id) => typeof byId.get(id)?.discrimination === 'number')).toBe(true);
    expect(byId.get(ids[0] ?? '')?.responseCount).toBe(20);

    const history = await call('bank:item-statistics', { id: ids[1] ?? '' });
    expect(history.versions).toEqual([
      expect.objectContaining({ version: 1, p: 0.55, n: 20, papersPinned: 0, candidatesSeen: 20 }),
    ]);
    expect(history.administrations).toEqual([
      expect.objectContaining({
        sessionId: 'S-2026-11',
        administeredOn: '2026-11-21',
        fileName: 'responses.csv',
      }),
    ]);
  });
});
