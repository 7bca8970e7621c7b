import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  generateServerKeyPair,
  importItems,
  importStandardFile,
  openBank,
  openExamPackage,
  reviewItems,
} from '@skillexam/item-bank';
import {
  dispatchIpc,
  type HostEvent,
  type IpcChannel,
  type IpcInput,
  type IpcInvokeMap,
  type IpcOutput,
} from '@skillexam/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHostHandlers } from '../src/host/host-handlers';

/*
 * The 组卷 page's starting blueprint on the demo bank (samples/electrician: 电工 四级, 82 鉴定点,
 * ~500 reviewed items): the level's usual format over the weight table, relaxed only as far as
 * the bank needs, feasible by the workbench's own check — and the real solver assembles it.
 */

const SAMPLE = fileURLToPath(new URL('../../../samples/electrician/', import.meta.url));
const STANDARD_ID = '6-31-01-03:2018';

let dir: string;
let handlers: IpcInvokeMap;
/** Host pushes (bank:progress), and a hook run on each as it arrives. */
const pushed: HostEvent[] = [];
let onPush: (event: HostEvent) => void = () => undefined;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

async function failure<K extends IpcChannel>(channel: K, input: IpcInput<K>) {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (reply.ok) throw new Error(`${channel} unexpectedly succeeded`);
  return reply.error;
}

/** The demo bank as `npm start` builds it: the standard, every sample item, reviewed by another person. */
async function buildDemoBank(file: string): Promise<void> {
  const bank = openBank(file);
  try {
    const standardFile = join(SAMPLE, 'standard.json');
    await importStandardFile(
      bank.standards,
      readFileSync(standardFile),
      standardFile,
      bank.clock(),
    );
    const ids: string[] = [];
    for (const name of readdirSync(join(SAMPLE, 'items')).sort()) {
      const report = await importItems(bank, readFileSync(join(SAMPLE, 'items', name)), {
        fileName: name,
        actor: '示例命题人',
      });
      ids.push(...report.importedIds);
    }
    reviewItems(bank, ids, { action: 'submit', actor: '示例命题人' });
    const approved = reviewItems(bank, ids, { action: 'approve', actor: '示例审核人' });
    expect(approved.refused).toEqual([]);
  } finally {
    bank.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'default-blueprint-'));
  mkdirSync(join(dir, 'banks'));
  await buildDemoBank(join(dir, 'banks', '电工示例.qbank'));
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
  await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['admin'] });
  await call('bank:open', { name: '电工示例' });
}, 120_000);

afterAll(async () => {
  await dispatchIpc(handlers, 'author', 'bank:close', {});
  rmSync(dir, { recursive: true, force: true });
});

describe('the 组卷 page default blueprint on the demo bank', () => {
  it('is the level-4 usual format over the weight table, with only 每个鉴定点最多 3 relaxed, and feasible', async () => {
    const draft = await call('bank:draft-blueprint', { standardId: STANDARD_ID, level: 4 });
    expect(draft.feasible).toBe(true);
    expect(draft.relaxed).toEqual([{ kind: 'maxItemsPerPoint', value: 3 }]);
    expect(draft.blueprint).toMatchObject({
      title: '电工（四级/中级工）理论知识考试组卷方案',
      level: 4,
      sections: [
        { itemType: 'single_choice', count: 160, pointsEach: 0.5 },
        { itemType: 'true_false', count: 40, pointsEach: 0.5 },
      ],
      fullMarks: 100,
      durationMinutes: 120,
      rangeAllocation: { bySection: true, overrides: {} },
      importance: { X: { minShare: 0.7 }, Z: { maxShare: 0.05 } },
      difficulty: { kind: 'mix', easy: 0.2, medium: 0.7, hard: 0.1, tolerance: 0.05 },
      maxItemsPerPoint: 3,
    });
    expect(draft.weights.map((w) => [w.path, w.weight])).toEqual([
      ['A-A', 5],
      ['A-B', 20],
      ['B-A', 25],
      ['B-B', 20],
      ['B-C', 20],
      ['B-D', 10],
    ]);
    const check = await call('bank:check-blueprint', { blueprint: draft.blueprint, forms: 1 });
    expect(check).toMatchObject({ valid: true, problems: [], itemCount: 200 });
  });

  it(
    'is assembled by the real solver with every constraint met',
    { timeout: 120_000 },
    async () => {
      const draft = await call('bank:draft-blueprint', { standardId: STANDARD_ID, level: 4 });
      const result = await call('bank:assemble', { blueprint: draft.blueprint, seed: 1, forms: 1 });
      expect(result.ok).toBe(true);
      expect(result.forms).toHaveLength(1);
      expect(result.forms[0]?.items).toBe(200);
      expect(result.forms[0]?.checks.filter((c) => !c.ok)).toEqual([]);
    },
  );
});

describe('assembling and packaging from the workbench (the workflows check the roles)', () => {
  const admin = { id: 'zhangsan', name: '张三', roles: ['admin' as const] };
  const writer = { id: 'lisi', name: '李四', roles: ['writer' as const, 'reviewer' as const] };

  it(
    'refuses a non-admin, then packages an assembled form the site can open',
    { timeout: 120_000 },
    async () => {
      const draft = await call('bank:draft-blueprint', { standardId: STANDARD_ID, level: 4 });
      await call('bank:set-user', writer);
      expect(
        await failure('bank:assemble', { blueprint: draft.blueprint, seed: 3, forms: 1 }),
      ).toEqual({ code: 'FORBIDDEN', message: '李四（lisi）没有此操作的权限，需要：题库管理员' });

      await call('bank:set-user', admin);
      const assembled = await call('bank:assemble', {
        blueprint: draft.blueprint,
        seed: 3,
        forms: 1,
      });
      const paperId = assembled.forms[0]?.paperId ?? '';
      const preview = await call('bank:paper-preview', { paperId });
      expect(preview.sections.flatMap((section) => section.items)).toHaveLength(200);

      const site = generateServerKeyPair();
      await call('bank:set-user', writer);
      expect(
        await failure('bank:export-package', { paperId, sitePublicKeyPem: site.publicKeyPem }),
      ).toEqual({ code: 'FORBIDDEN', message: '李四（lisi）没有此操作的权限，需要：题库管理员' });
      // A refused packaging makes no signing key either.
      expect(existsSync(join(dir, 'banks', 'signing.key.pem'))).toBe(false);

      await call('bank:set-user', admin);
      const { publicKeyPem } = await call('bank:signing-key', {});
      const exported = await call('bank:export-package', {
        paperId,
        sitePublicKeyPem: site.publicKeyPem,
      });
      expect(exported.fileName).toBe(`${paperId}.exampkg`);
      const opened = await openExamPackage(new Uint8Array(Buffer.from(exported.data, 'base64')), {
        trustedSigningKeys: [publicKeyPem],
        serverPrivateKeyPem: site.privateKeyPem,
      });
      expect(opened.candidatePaper).toEqual(preview);
    },
  );
});

describe('assembly progress and cancel (docs/decisions/0950, 0951)', () => {
  const progressOf = (operationId: string) =>
    pushed.flatMap((event) =>
      event.type === 'bank:progress' && event.operationId === operationId ? [event.event] : [],
    );

  it('reports each form as the solver finishes it', { timeout: 120_000 }, async () => {
    const draft = await call('bank:draft-blueprint', { standardId: STANDARD_ID, level: 4 });
    const result = await call('bank:assemble', {
      blueprint: draft.blueprint,
      seed: 5,
      forms: 2,
      operationId: 'assemble-1',
    });
    expect(result.forms).toHaveLength(2);
    const events = progressOf('assemble-1');
    const finished = events.filter((event) => event.finished === true);
    expect(
      finished.map(({ phase, label, done, total }) => ({ phase, label, done, total })),
    ).toEqual([
      { phase: 'assembling', label: '第 1 套', done: 1, total: 2 },
      { phase: 'assembling', label: '第 2 套', done: 2, total: 2 },
      { phase: 'verifying', label: undefined, done: 2, total: 2 },
    ]);
  });

  it(
    'a cancel while the solver runs stops it: CANCELLED, no forms',
    { timeout: 120_000 },
    async () => {
      const draft = await call('bank:draft-blueprint', { standardId: STANDARD_ID, level: 4 });
      const cancels: Promise<unknown>[] = [];
      onPush = (event) => {
        if (event.type !== 'bank:progress' || cancels.length > 0) return;
        cancels.push(call('bank:cancel-operation', { operationId: 'assemble-2' }));
      };
      const reply = await dispatchIpc(handlers, 'author', 'bank:assemble', {
        blueprint: draft.blueprint,
        seed: 6,
        forms: 2,
        operationId: 'assemble-2',
      });
      onPush = () => undefined;
      expect(await Promise.all(cancels)).toEqual([{ cancelled: true }]);
      expect(reply).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      // Stopped in the first form: no form was reported done.
      expect(progressOf('assemble-2').filter((event) => event.finished === true)).toEqual([]);
    },
  );
});
