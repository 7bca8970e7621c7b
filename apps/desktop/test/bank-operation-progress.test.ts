import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dispatchIpc,
  type BankProgressEvent,
  type HostEvent,
  type IpcChannel,
  type IpcInput,
  type IpcInvokeMap,
  type IpcOutput,
  type ProgressEventMessage,
} from '@skillexam/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../src/host/host-handlers';
import { generatedItemsCsv } from './support/generated-items';

/*
 * Progress and cancel of the workbench's long operations through the host handlers
 * (docs/decisions/0950): a real import of a generated file into a real .qbank pushes
 * `bank:progress` events from the engine; `bank:cancel-operation` sent while it runs rolls it
 * back and the call fails with CANCELLED.
 */

const ROWS = 2000;
const standardJson = readFileSync(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);

let dir: string;
let handlers: IpcInvokeMap;
let pushed: HostEvent[];
/** Called with each pushed event, as the renderer sees it. */
let onPush: (event: HostEvent) => void;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

function progressOf(operationId: string): ProgressEventMessage[] {
  return pushed
    .filter((event): event is BankProgressEvent => event.type === 'bank:progress')
    .filter((event) => event.operationId === operationId)
    .map((event) => event.event);
}

async function itemCount(): Promise<number> {
  return (await call('bank:dashboard', {})).totalItems;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bank-progress-'));
  pushed = [];
  onPush = () => undefined;
  handlers = createHostHandlers({
    runtime: 'node',
    version: 'test',
    journalDir: join(dir, 'journals'),
    bankDir: join(dir, 'banks'),
    publish: (event) => {
      pushed.push(event);
      onPush(event);
    },
  });
  await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer', 'admin'] });
  await call('bank:open', { name: '进度', create: true });
  await call('bank:import-standard', {
    fileName: 'standard.json',
    data: standardJson.toString('base64'),
  });
});

afterEach(async () => {
  await dispatchIpc(handlers, 'author', 'bank:close', {});
  rmSync(dir, { recursive: true, force: true });
});

const file = (rows: number, seed: number) => ({
  fileName: `生成-${rows}.csv`,
  data: Buffer.from(generatedItemsCsv(rows, seed), 'utf8').toString('base64'),
  validOnly: false,
});

describe('bank operation progress', () => {
  it('an import pushes monotonic events per phase, the pass ending at its total', async () => {
    const report = await call('bank:import-items', {
      ...file(ROWS, 1),
      dryRun: false,
      operationId: 'import-1',
    });
    expect(report).toMatchObject({ committed: true, imported: ROWS, refused: false });
    expect(await itemCount()).toBe(ROWS);

    const events = progressOf('import-1');
    const phases = [...new Set(events.map((event) => event.phase))];
    expect(phases).toEqual(['reading', 'writing', 'indexing']);
    for (const phase of phases) {
      const done = events.filter((event) => event.phase === phase).map((event) => event.done);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
    const writing = events.filter((event) => event.phase === 'writing');
    const last = writing.at(-1);
    expect(last).toMatchObject({ finished: true, unit: 'bytes' });
    expect(last?.done).toBe(last?.total);
    // The total is the file's size: the bar measures the work, not a guess.
    expect(last?.total).toBe(Buffer.byteLength(generatedItemsCsv(ROWS, 1)));
    expect(events.filter((event) => event.phase === 'indexing').at(-1)).toMatchObject({
      done: ROWS,
      total: ROWS,
      finished: true,
    });
    // Nothing is pushed for a call without an operation id.
    const before = pushed.length;
    await call('bank:import-items', { ...file(20, 2), dryRun: true });
    expect(pushed.length).toBe(before);
  }, 60_000);

  it('a cancel sent while the import runs rolls it back and fails with CANCELLED', async () => {
    await call('bank:import-items', { ...file(50, 3), dryRun: false });
    expect(await itemCount()).toBe(50);
    const cancels: Promise<IpcOutput<'bank:cancel-operation'>>[] = [];
    onPush = (event) => {
      if (event.type !== 'bank:progress' || event.event.phase !== 'writing') return;
      if (cancels.length > 0) return;
      // Sent like the renderer's click: through the dispatcher, on a later turn of the loop.
      cancels.push(
        new Promise((resolve) => setImmediate(resolve)).then(() =>
          call('bank:cancel-operation', { operationId: 'import-2' }),
        ),
      );
    };
    const reply = await dispatchIpc(handlers, 'author', 'bank:import-items', {
      ...file(ROWS, 4),
      dryRun: false,
      operationId: 'import-2',
    });
    expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'CANCELLED', message: expect.stringContaining('已取消，未写入任何内容') },
    });
    const writing = progressOf('import-2').filter((event) => event.phase === 'writing');
    expect(writing.at(-1)?.finished).not.toBe(true);
    expect(await itemCount()).toBe(50);
    // The operation is gone: a late cancel finds nothing; the bank takes the next import.
    expect(await call('bank:cancel-operation', { operationId: 'import-2' })).toEqual({
      cancelled: false,
    });
    const again = await call('bank:import-items', { ...file(30, 5), dryRun: false });
    expect(again.imported).toBe(30);
  }, 60_000);

  it('a dry run reports `checking`; a second import while one runs is refused', async () => {
    const running = call('bank:import-items', {
      ...file(300, 6),
      dryRun: true,
      operationId: 'dry-1',
    });
    const second = await dispatchIpc(handlers, 'author', 'bank:import-items', {
      ...file(10, 7),
      dryRun: false,
      operationId: 'import-3',
    });
    expect(second).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '已有导入正在进行，请等它完成或取消' },
    });
    expect((await running).valid).toBe(300);
    const phases = new Set(progressOf('dry-1').map((event) => event.phase));
    expect(phases.has('checking')).toBe(true);
    expect(phases.has('writing')).toBe(false);
    expect(await itemCount()).toBe(0);
  }, 60_000);
});
