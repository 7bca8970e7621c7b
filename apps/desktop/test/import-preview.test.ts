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
 * The import wizard's preview through the host contract (`bank:preview-import`, schemas checked
 * on each reply): the Word paper fixtures of item-bank, each question with its key and 解析,
 * problems with their paragraph, and nothing written.
 */

const paper = (name: string) =>
  readFileSync(
    new URL(
      `../../../packages/item-bank/test/import-export/fixtures/docx-papers/${name}`,
      import.meta.url,
    ),
  ).toString('base64');

let dir: string;
let handlers: IpcInvokeMap;

async function call<K extends IpcChannel>(channel: K, input: IpcInput<K>): Promise<IpcOutput<K>> {
  const reply = await dispatchIpc(handlers, 'author', channel, input);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as IpcOutput<K>;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'import-preview-'));
  handlers = createHostHandlers({
    runtime: 'node',
    version: 'test',
    journalDir: join(dir, 'journals'),
    bankDir: join(dir, 'banks'),
  });
  await call('bank:set-user', { id: 'zhangsan', name: '张三', roles: ['writer'] });
  await call('bank:open', { name: '预览', create: true });
});

afterEach(async () => {
  await dispatchIpc(handlers, 'author', 'bank:close', {});
  rmSync(dir, { recursive: true, force: true });
});

describe('import wizard preview', () => {
  it('shows each question of a Word paper with its key and 解析, and writes nothing', async () => {
    const preview = await call('bank:preview-import', {
      fileName: 'key-part.docx',
      data: paper('key-part.docx'),
    });
    expect(preview.total).toBe(7);
    expect(preview.items.map((item) => [item.ref, item.type, item.key])).toEqual([
      ['key-part.docx 单项选择题 第1题', 'single_choice', 'B'],
      ['key-part.docx 单项选择题 第2题', 'single_choice', 'B'],
      ['key-part.docx 单项选择题 第3题', 'single_choice', 'C'],
      ['key-part.docx 判断题 第1题', 'true_false', '√'],
      ['key-part.docx 判断题 第2题', 'true_false', '×'],
      [
        'key-part.docx 综合探究题 第1题',
        'short_answer',
        expect.stringMatching(/^（1）电源缺相运行.*\n（2）先检查三相电源/s),
      ],
      [
        'key-part.docx 综合探究题 第2题',
        'short_answer',
        expect.stringMatching(/^（1）线路或用电设备绝缘损坏漏电.*\n（2）测量前断开电源/s),
      ],
    ]);
    expect(JSON.stringify(preview.items[6]?.explanation)).toContain('应先查绝缘');
    expect(JSON.stringify(preview.items[0]?.explanation)).toContain('我国电网标准频率为 50Hz');
    expect(preview.items[0]?.options.map((option) => option.id)).toEqual(['A', 'B', 'C', 'D']);
    const page = await call('bank:search', { query: '', filter: {}, offset: 0, limit: 10 });
    expect(page.total).toBe(0);
  });

  it('lists the problems with the paragraph they come from', async () => {
    const preview = await call('bank:preview-import', {
      fileName: 'key-part-mismatch.docx',
      data: paper('key-part-mismatch.docx'),
    });
    expect(preview.items.map((item) => item.ref)).toEqual([
      'key-part-mismatch.docx 单项选择题 第1题',
      'key-part-mismatch.docx 单项选择题 第3题',
    ]);
    expect(preview.issues.map((issue) => issue.reason)).toEqual([
      expect.stringMatching(/参考答案中有第4题.*（第12段）$/),
      expect.stringMatching(/缺少答案.*（第4段）$/),
    ]);
  });

  it('carries the pictures of the shown questions, not yet in the bank, as data URLs', async () => {
    const preview = await call('bank:preview-import', {
      fileName: 'tabs-and-pictures.docx',
      data: paper('tabs-and-pictures.docx'),
    });
    expect(preview.items.map((item) => item.type)).toEqual(['single_choice', 'multiple_choice']);
    const image = preview.items[0]?.stem.content.find((block) => block.type === 'image');
    expect(preview.pictures).toEqual([
      {
        hash: image?.type === 'image' ? image.assetHash : 'none',
        dataUrl: expect.stringMatching(/^data:image\/webp;base64,UklGR/),
      },
    ]);
    expect(preview.picturesLeftOut).toBe(0);
    expect(preview.issues).toContainEqual(
      expect.objectContaining({ reason: expect.stringMatching(/^图片“接线图”是 EMF 格式/) }),
    );
  });

  it('needs the role that imports', async () => {
    await call('bank:set-user', { id: 'lisi', name: '李四', roles: ['reviewer'] });
    const reply = await dispatchIpc(handlers, 'author', 'bank:preview-import', {
      fileName: 'key-part.docx',
      data: paper('key-part.docx'),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('exports the bank as a Word paper that previews with the same questions and keys', async () => {
    await call('bank:set-user', { id: 'wanggang', name: '王刚', roles: ['writer', 'admin'] });
    await call('bank:import-standard', {
      fileName: 'standard.json',
      data: readFileSync(
        new URL('../../../samples/electrician/standard.json', import.meta.url),
      ).toString('base64'),
    });
    const data = paper('key-part.docx');
    const imported = await call('bank:import-items', {
      fileName: 'key-part.docx',
      data,
      dryRun: false,
      validOnly: false,
    });
    expect(imported.imported).toBe(7);
    const exported = await call('bank:export-items', { format: 'docx', query: '', filter: {} });
    expect(exported.fileName).toMatch(/\.docx$/);
    const keys = async (fileName: string, file: string) =>
      (await call('bank:preview-import', { fileName, data: file })).items
        .map((item) => `${item.type} ${item.key}`)
        .sort();
    expect(await keys(exported.fileName, exported.data)).toEqual(await keys('key-part.docx', data));
  });
});
