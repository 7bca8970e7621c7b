import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBank } from '../src/db/open-bank';
import { itemHistory } from '../src/items/item-history';
import { createItem, updateItem } from '../src/items/item-service';
import { reviewItem } from '../src/review/review-service';
import { saveStandard } from '../src/standards/import-standard';
import {
  electricianStandardWithWeights,
  fakeClock,
  sequentialIds,
  singleChoice,
  tempDir,
  trueFalse,
} from './support/fixtures';

/*
 * 批量审核 through the real `qbank` binary on a real bank file: many ids in one command (a file,
 * stdin, or every item 审核中), each item checked on its own — the four-eyes rule per item —
 * refusals reported with id and reason, the others done, exit 2 when anything was refused.
 */

const BIN = fileURLToPath(new URL('../bin/qbank.js', import.meta.url));
const { dir, cleanup } = tempDir();
afterAll(cleanup);

function qbank(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    env: { ...process.env, QBANK_ACTOR: '李审核' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const WRITER = '王命题';
const REVIEWER = '李审核';

/** Ten 电工 items: seven by the writer, two by the reviewer, one the reviewer edited. */
const STEMS = [
  '使用兆欧表测量电动机绝缘电阻前，必须先切断电源并对被测设备充分放电。',
  '低压验电器（电笔）检测的电压范围一般为 60～500 V。',
  '在潮湿场所使用的手持电动工具应选用 Ⅱ 类或 Ⅲ 类工具。',
  '三相异步电动机的转速总是略低于旋转磁场的同步转速。',
  '熔断器在低压配电线路中主要用作过载保护。',
  '电流互感器运行时二次侧严禁开路。',
  '停电检修时，应在断开的开关操作手柄上悬挂“禁止合闸，有人工作”标示牌。',
];

interface SeededBank {
  readonly file: string;
  readonly byWriter: string[];
  readonly byReviewer: string[];
  readonly editedByReviewer: string;
  readonly draft: string;
}

function seedBank(name: string): SeededBank {
  const file = join(dir, name);
  const bank = openBank(file, {
    clock: fakeClock(),
    newId: sequentialIds(name.replace('.qbank', '')),
  });
  try {
    saveStandard(bank.standards, electricianStandardWithWeights(), '2026-01-01T00:00:00.000Z');
    const byWriter = STEMS.slice(0, 6).map(
      (stem, n) => createItem(bank, { content: trueFalse(stem, n % 2 === 0) }, WRITER).item.id,
    );
    const byReviewer = [
      createItem(
        bank,
        {
          content: singleChoice('电气设备发生火灾时，首先应当', [
            '切断电源',
            '用水扑救',
            '打开门窗通风',
            '离开现场等待',
          ]),
        },
        REVIEWER,
      ).item.id,
      createItem(
        bank,
        {
          content: singleChoice('保护接地适用于', [
            '中性点不接地的低压电网',
            '中性点直接接地的低压电网',
            '所有直流电路',
            '照明回路的零线',
          ]),
        },
        REVIEWER,
      ).item.id,
    ];
    const edited = createItem(bank, { content: trueFalse(STEMS[6] ?? '') }, WRITER).item.id;
    updateItem(
      bank,
      edited,
      {
        content: trueFalse('停电检修时，应在断开的开关操作把手上悬挂“禁止合闸，有人工作”标示牌。'),
      },
      REVIEWER,
    );
    for (const id of [...byWriter, ...byReviewer, edited]) {
      reviewItem(bank, id, { action: 'submit', actor: WRITER });
    }
    const draft = createItem(
      bank,
      { content: trueFalse('漏电保护器动作后，应查明原因再合闸送电。') },
      WRITER,
    ).item.id;
    return { file, byWriter, byReviewer, editedByReviewer: edited, draft };
  } finally {
    bank.close();
  }
}

function statuses(file: string, ids: readonly string[]) {
  const bank = openBank(file);
  try {
    return ids.map((id) => bank.items.getItem(id)?.reviewStatus);
  } finally {
    bank.close();
  }
}

describe('qbank review with many ids', () => {
  let seeded: SeededBank;
  beforeAll(() => {
    seeded = seedBank('bulk.qbank');
  });

  it(
    'approves what may be approved and reports every refusal by id and reason (exit 2)',
    { timeout: 60_000 },
    () => {
      const { file, byWriter, byReviewer, editedByReviewer, draft } = seeded;
      const idsFile = join(dir, 'approve-ids.txt');
      writeFileSync(
        idsFile,
        [
          '# 第一批待审试题',
          byWriter.slice(0, 3).join(','),
          ...byWriter.slice(3),
          '',
          ...byReviewer,
          editedByReviewer,
          draft,
          'bulk-9999',
        ].join('\r\n'),
      );
      const run = qbank(['review', 'approve', '--bank', file, '--ids-file', idsFile]);
      expect(run.code).toBe(2);
      expect(run.stdout).toMatch(/审核通过 6 道试题/);
      expect(run.stderr).toContain('5 道试题未能审核通过（其余 6 道已审核通过）');
      for (const id of [...byReviewer, editedByReviewer]) {
        expect(run.stderr).toContain(`${id}：不能审核通过自己编写或修改的试题（李审核）`);
      }
      expect(run.stderr).toContain(`${draft}：「草稿」状态的试题不能审核通过`);
      expect(run.stderr).toContain('bulk-9999：试题 bulk-9999 不存在');

      expect(statuses(file, byWriter)).toEqual(byWriter.map(() => 'approved'));
      expect(statuses(file, [...byReviewer, editedByReviewer, draft])).toEqual([
        'in_review',
        'in_review',
        'in_review',
        'draft',
      ]);
      const bank = openBank(file);
      try {
        const first = byWriter[0] ?? '';
        expect(itemHistory(bank.items, first).events.at(-1)).toMatchObject({
          from: 'in_review',
          to: 'approved',
          actor: REVIEWER,
        });
        expect(bank.items.getMeta(first)?.versionSealed).toBe(true);
      } finally {
        bank.close();
      }
    },
  );

  it(
    'takes ids from stdin (--ids-file -) and refuses a bad line with its number',
    {
      timeout: 60_000,
    },
    () => {
      const { file, draft } = seeded;
      const bad = qbank(
        ['review', 'submit', '--bank', file, '--ids-file', '-', '--actor', WRITER],
        `${draft}\n题干：漏电保护器\n`,
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('标准输入：第 2 行「题干：漏电保护器」不是试题 ID');
      expect(statuses(file, [draft])).toEqual(['draft']);

      const run = qbank(
        ['review', 'submit', '--bank', file, '--ids-file', '-', '--actor', WRITER, '--json'],
        `${draft}\n`,
      );
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({
        ok: true,
        data: { action: 'submit', done: [{ id: draft, status: 'in_review' }], refused: [] },
      });
    },
  );

  it(
    '--all-submitted approves every item 审核中 that another person wrote',
    {
      timeout: 60_000,
    },
    () => {
      const { file, byReviewer, editedByReviewer, draft } = seeded;
      const run = qbank([
        'review',
        'approve',
        '--all-submitted',
        '--bank',
        file,
        '--actor',
        '赵主任',
        '--comment',
        '批量审核：表述准确',
        '--json',
      ]);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { data: { done: { id: string }[] } };
      expect(out.data.done.map((d) => d.id).sort()).toEqual(
        [...byReviewer, editedByReviewer, draft].sort(),
      );
      expect(statuses(file, [...byReviewer, editedByReviewer, draft])).toEqual([
        'approved',
        'approved',
        'approved',
        'approved',
      ]);
      const again = qbank(['review', 'approve', '--all-submitted', '--bank', file]);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('没有需要审核通过的试题');
      const retire = qbank(['review', 'retire', '--all-submitted', '--bank', file]);
      expect(retire.code).toBe(2);
      expect(retire.stderr).toContain('--all-submitted 只能用于 approve 或 reject');
    },
  );
});
