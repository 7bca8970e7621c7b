import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qbank } from '../support/qbank-cli';
import { electricianStandardJson, tempDir } from '../support/fixtures';

/*
 * The Word paper fixtures (fixtures/docx-papers/, written by make-docx-papers.ts from
 * papers.ts) through the real command tree: `qbank import … .docx --dry-run --json`, then a
 * real import and `qbank item show` for each item's type and key.
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const fixture = (name: string) =>
  fileURLToPath(new URL(`./fixtures/docx-papers/${name}`, import.meta.url));

interface Issue {
  item?: string;
  field?: string;
  reason: string;
  severity: 'error' | 'warning';
}
interface Report {
  imported: number;
  skipped: number;
  issues: Issue[];
  importedIds: string[];
}

interface ShownItem {
  type: string;
  key: unknown;
  stem: { content: { type: string }[] };
}

let banks = 0;
async function freshBank(): Promise<string> {
  banks += 1;
  const bank = join(dir, `papers-${banks}.qbank`);
  expect((await qbank('init', bank)).code).toBe(0);
  expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bank)).code).toBe(0);
  return bank;
}

beforeAll(() => {
  writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
});

/** Type and key of every item the paper imports, in order, read back with `qbank item show`. */
async function importedTypesAndKeys(name: string): Promise<[string, unknown][]> {
  const bank = await freshBank();
  const dry = await qbank('import', fixture(name), '--bank', bank, '--dry-run', '--json');
  expect(dry.code).toBe(0);
  const planned = (JSON.parse(dry.stdout) as { data: Report }).data;
  expect(planned.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  const real = await qbank('import', fixture(name), '--bank', bank, '--json');
  expect(real.code).toBe(0);
  const report = (JSON.parse(real.stdout) as { data: Report }).data;
  expect(report.imported).toBe(planned.imported);
  const shown: [string, unknown][] = [];
  for (const id of report.importedIds) {
    const item = await qbank('item', 'show', id, '--bank', bank, '--json');
    const { type, key } = (
      JSON.parse(item.stdout) as { data: { item: { type: string; key: unknown } } }
    ).data.item;
    shown.push([type, type === 'short_answer' ? 'reference' : key]);
  }
  return shown;
}

describe('Word papers as item writers lay them out', () => {
  it('keys inline after each question, options on one line, 判断 as A. 正确 B. 错误, a Title1 title', async () => {
    expect(await importedTypesAndKeys('inline-keys.docx')).toEqual([
      ['single_choice', 'D'],
      ['single_choice', 'B'],
      ['single_choice', 'B'],
      ['true_false', true],
      ['true_false', false],
      ['true_false', true],
    ]);
  });

  it('keys in a part at the end, matched by section and number; numbering restarts per section', async () => {
    expect(await importedTypesAndKeys('key-part.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['true_false', true],
      ['true_false', false],
      ['short_answer', 'reference'],
      ['short_answer', 'reference'],
    ]);
  });

  it('a key part of compact lines: 1-5 BACDA, 1.√ 2.× 3.√, 1-2 AB ACD', async () => {
    expect(await importedTypesAndKeys('compact-keys.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'A'],
      ['single_choice', 'C'],
      ['single_choice', 'D'],
      ['single_choice', 'A'],
      ['true_false', true],
      ['true_false', false],
      ['true_false', true],
      ['multiple_choice', ['A', 'B']],
      ['multiple_choice', ['A', 'C', 'D']],
    ]);
  });

  it('keeps the sub-questions of a constructed-response question with its reference answer', async () => {
    const bank = await freshBank();
    const report = (
      JSON.parse(
        (await qbank('import', fixture('key-part.docx'), '--bank', bank, '--json')).stdout,
      ) as {
        data: Report;
      }
    ).data;
    const last = report.importedIds.at(-2) ?? '';
    const shown = JSON.parse(
      (await qbank('item', 'show', last, '--bank', bank, '--json')).stdout,
    ) as {
      data: { item: { stem: unknown; key: { referenceAnswer: unknown } } };
    };
    const text = (value: unknown) => JSON.stringify(value);
    expect(text(shown.data.item.stem)).toContain('（1）分析可能的故障原因。');
    expect(text(shown.data.item.stem)).toContain('（2）写出排查的步骤。');
    expect(text(shown.data.item.key.referenceAnswer)).toMatch(
      /（1）电源缺相运行.*（2）先检查三相电源/,
    );
  });

  it('question numbers and option letters from Word automatic numbering, restarted per section', async () => {
    expect(await importedTypesAndKeys('auto-questions-and-options.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['multiple_choice', ['A', 'B']],
      ['multiple_choice', ['A', 'C', 'D']],
      ['true_false', true],
      ['true_false', false],
    ]);
    const bank = await freshBank();
    const paper = fixture('auto-questions-and-options.docx');
    const report = (
      JSON.parse((await qbank('import', paper, '--bank', bank, '--json')).stdout) as {
        data: Report;
      }
    ).data;
    const [first, second] = await Promise.all(
      report.importedIds.slice(0, 2).map(async (id) => {
        const shown = await qbank('item', 'show', id, '--bank', bank, '--json');
        return (JSON.parse(shown.stdout) as { data: { item: ShownItem & { options: unknown } } })
          .data.item;
      }),
    );
    // The number Word drew is not part of the text; runs and pictures are kept.
    expect(JSON.stringify(first?.stem)).toContain('"text":"我国工频交流电的频率为（ ）。"');
    expect(JSON.stringify(first?.options)).toContain('{"text":"50","bold":true},{"text":"Hz"}');
    expect(second?.stem.content.map((block) => block.type)).toEqual(['paragraph', 'image']);
  });

  it('section headings 一、二、三、 from automatic numbering, questions numbered one level below', async () => {
    expect(await importedTypesAndKeys('auto-sections.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['true_false', true],
      ['true_false', false],
      ['short_answer', 'reference'],
    ]);
  });

  it('a key part whose numbers are automatic, restarted in every section', async () => {
    expect(await importedTypesAndKeys('auto-key-part.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['true_false', true],
      ['true_false', false],
      ['short_answer', 'reference'],
    ]);
  });

  it('unlabelled key lines 「1. B」: numbered lines of a 解析 or a 简答 reference answer stay with it', async () => {
    expect(await importedTypesAndKeys('unlabelled-key-part.docx')).toEqual([
      ['single_choice', 'B'],
      ['single_choice', 'C'],
      ['true_false', true],
      ['true_false', false],
      ['short_answer', 'reference'],
      ['short_answer', 'reference'],
    ]);
    const bank = await freshBank();
    const paper = fixture('unlabelled-key-part.docx');
    const report = (
      JSON.parse((await qbank('import', paper, '--bank', bank, '--json')).stdout) as {
        data: Report;
      }
    ).data;
    expect(report.issues.filter((issue) => issue.field !== '鉴定点代码')).toEqual([]);
    const shown = await Promise.all(
      report.importedIds.map(async (id) => {
        const item = await qbank('item', 'show', id, '--bank', bank, '--json');
        return JSON.stringify(
          (JSON.parse(item.stdout) as { data: { item: Record<string, unknown> } }).data.item,
        );
      }),
    );
    expect(shown[0]).toMatch(/"explanation".*1\. 安全电压等级.*2\. 一般环境取 36V/);
    expect(shown[4]).toMatch(/有：.*1\. 停电；.*2\. 验电；.*3\. 装设接地线；.*4\. 悬挂标示牌/);
    expect(shown[5]).toMatch(/两项试验：.*1\. 开路试验.*2\. 短路试验/);
  });

  it('options separated by tabs, no headings, a WebP picture kept, an EMF picture named', async () => {
    const bank = await freshBank();
    const paper = fixture('tabs-and-pictures.docx');
    const dry = await qbank('import', paper, '--bank', bank, '--dry-run', '--json');
    expect(dry.code).toBe(2);
    const details = (JSON.parse(dry.stdout) as { details: Report }).details;
    expect(details.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        item: expect.stringMatching(/tabs-and-pictures\.docx 第3题$/),
        field: '题干',
        reason: expect.stringMatching(/^图片“接线图”是 EMF 格式（文件 image2\.emf）.*（第8段）$/),
      }),
    ]);
    const real = await qbank('import', paper, '--bank', bank, '--valid-only', '--json');
    expect(real.code).toBe(0);
    const ids = (JSON.parse(real.stdout) as { data: Report }).data.importedIds;
    const items = await Promise.all(
      ids.map(async (id) => {
        const shown = await qbank('item', 'show', id, '--bank', bank, '--json');
        return (JSON.parse(shown.stdout) as { data: { item: ShownItem } }).data.item;
      }),
    );
    expect(items.map((item) => [item.type, item.key])).toEqual([
      ['single_choice', 'A'],
      ['multiple_choice', ['A', 'B', 'D']],
    ]);
    expect(items[0]?.stem.content.map((block) => block.type)).toEqual(['paragraph', 'image']);
  });

  it('a key part with a number missing and one extra is reported by section and number, never shifted', async () => {
    const bank = await freshBank();
    const dry = await qbank(
      'import',
      fixture('key-part-mismatch.docx'),
      '--bank',
      bank,
      '--dry-run',
      '--json',
    );
    expect(dry.code).toBe(2);
    const details = (JSON.parse(dry.stdout) as { details: Report }).details;
    const errors = details.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({
        item: expect.stringMatching(/参考答案 单项选择题 第4题$/),
        reason: expect.stringMatching(/试题“单项选择题”中没有这一题.*（第12段）$/),
      }),
      expect.objectContaining({
        item: expect.stringMatching(/key-part-mismatch\.docx 单项选择题 第2题$/),
        reason: expect.stringMatching(/文末参考答案中也没有这一题（第4段）$/),
      }),
    ]);
    // Question 3 keeps its own key (C), not the one written for 4.
    expect(details.skipped).toBe(2);
  });

  it('qbank export --format docx writes the bank as a paper that imports back with the same keys', async () => {
    const source = await freshBank();
    for (const name of ['inline-keys.docx', 'key-part.docx']) {
      expect((await qbank('import', fixture(name), '--bank', source)).code).toBe(0);
    }
    const paper = join(dir, 'exported-paper.docx');
    const exported = await qbank(
      'export',
      '--bank',
      source,
      '--format',
      'docx',
      '--out',
      paper,
      '--json',
    );
    expect(exported.code).toBe(0);
    expect((JSON.parse(exported.stdout) as { data: { count: number } }).data.count).toBe(13);
    const target = await freshBank();
    const back = await qbank('import', paper, '--bank', target, '--json');
    expect(back.code).toBe(0);
    const keysOf = async (bank: string) => {
      const listed = await qbank(
        'export',
        '--bank',
        bank,
        '--format',
        'csv',
        '--out',
        join(dir, 'keys.csv'),
      );
      expect(listed.code).toBe(0);
      return readFileSync(join(dir, 'keys.csv'), 'utf8')
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(1).join(','))
        .sort();
    };
    expect(await keysOf(target)).toEqual(await keysOf(source));
  });
});
