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
import {
  nearDuplicateClusters,
  nearDuplicateRows,
} from '../src/renderer/author/import-report-view';

/*
 * The import report crosses the bank:import-items bridge whole (docs/decisions/0635): the near
 * duplicates, exact copies and the refusal flag reach the workbench, through dispatchIpc (the
 * reply is checked against the channel's output schema) on a real .qbank file.
 */

const standardJson = readFileSync(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);

const CSV = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码',
  '判断,测量直流电压时，万用表红表笔应接被测电路的“+”极。,,,,,√,A-B-C-001',
  '判断,测量直流电压时，万用表红表笔应接被测电路的“−”极。,,,,,×,A-B-C-001',
  '单选,用兆欧表测量绝缘电阻前，应先（ ）。,切断被测设备电源并放电,接通被测设备电源,短接兆欧表两端,校准万用表,A,A-B-C-002',
  '单选,用兆欧表测量绝缘电阻前，应先（ ）。,切断被测设备电源并放电,接通被测设备电源,短接兆欧表两端,校准万用表,A,A-B-C-002',
  '单选,用兆欧表测量绝缘电阻前，应先（ ）。,切断电源并对设备充分放电,估算被测电阻大小,检查表针是否指零,选择合适的电压等级,A,A-B-C-002',
].join('\r\n');

let dir: string;
let handlers: IpcInvokeMap;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bank-import-report-'));
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

describe('bank:import-items report', () => {
  it('carries near duplicates, copies and the refusal flag to the workbench', async () => {
    await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'admin'] });
    await call('bank:open', { name: '电工四级', create: true });
    await call('bank:import-standard', {
      fileName: 'standard.json',
      data: standardJson.toString('base64'),
    });
    const input = {
      fileName: '万用表与兆欧表.csv',
      data: Buffer.from(CSV, 'utf8').toString('base64'),
      validOnly: false,
    };
    const dry = await call('bank:import-items', { ...input, dryRun: true });
    const done = await call('bank:import-items', { ...input, dryRun: false });
    for (const report of [dry, done]) {
      expect(report).toMatchObject({
        refused: false,
        total: 5,
        duplicates: 1,
        skipped: 0,
        valid: 4,
        imported: 4,
      });
      expect(report.nearDuplicates.map((d) => [d.ref, d.kind])).toEqual([
        ['万用表与兆欧表.csv 第3行', 'variant'],
        ['万用表与兆欧表.csv 第6行', 'same-stem'],
      ]);
    }
    expect(done.committed).toBe(true);

    const rows = nearDuplicateRows(done);
    expect(rows).toEqual([
      {
        key: `${done.importedIds[1]}|${done.importedIds[0]}`,
        place: '第3行',
        itemId: done.importedIds[1],
        otherItemId: done.importedIds[0],
        otherPlace: '第2行',
        similarity: done.nearDuplicates[0]?.similarity,
        kind: 'variant',
      },
      {
        key: `${done.importedIds[3]}|${done.importedIds[2]}`,
        place: '第6行',
        itemId: done.importedIds[3],
        otherItemId: done.importedIds[2],
        otherPlace: '第4行',
        similarity: done.nearDuplicates[1]?.similarity,
        kind: 'same-stem',
      },
    ]);
    // The wizard pages through clusters: each pair here is its own cluster, nothing unlisted.
    expect(
      nearDuplicateClusters(done).map((c) => [c.cluster, c.pairs.map((p) => p.place)]),
    ).toEqual([
      [1, ['第3行']],
      [2, ['第6行']],
    ]);
    expect(done).toMatchObject({
      nearDuplicateClusters: 2,
      nearDuplicatePairs: 2,
      unlistedNearDuplicateClusters: 0,
      unlistedNearDuplicatePairs: 0,
    });
  });
});
