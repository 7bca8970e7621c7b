import { join } from 'node:path';
import { CodedError } from '@skillexam/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bankContentHash } from '../../src/db/content-hash';
import { openBank, type Bank } from '../../src/db/open-bank';
import { saveStandard } from '../../src/standards/import-standard';
import { bankOperator, type Actor } from '../../src/workflows/actor';
import { classifyItemsAs, saveItem, tagItems } from '../../src/workflows/edit-items';
import { importStandard } from '../../src/workflows/manage-standards';
import { reviewManyItems, reviewOneItem } from '../../src/workflows/review-items';
import {
  electricianStandardJson,
  electricianStandardWithWeights,
  fakeClock,
  pointId,
  sequentialIds,
  singleChoice,
  tempDir,
  trueFalse,
} from '../support/fixtures';

/*
 * The author roles, checked once in the workflows (the desktop host and the CLI pass the actor):
 * 命题人员 write, 审题人员 review, 题库管理员 do both and manage standards. A refusal names the
 * user and the roles and changes nothing. Real .qbank files in a temp folder.
 */

const writer: Actor = { id: 'zhangsan', name: '张三', roles: ['writer'] };
const reviewer: Actor = { id: 'lisi', name: '李四', roles: ['reviewer'] };
const admin: Actor = { id: 'wangwu', name: '王五', roles: ['admin'] };

const distance = singleChoice(
  '在10kV带电设备附近作业时，作业人员正常活动范围与带电设备的安全距离应不小于（　）。',
  ['0.7 m', '0.35 m', '1.0 m', '1.5 m'],
);
const earthing = trueFalse('停电检修时，应先验电，确认无电压后再装设接地线。');

let bank: Bank;
let cleanup: () => void;

beforeEach(() => {
  const temp = tempDir();
  cleanup = temp.cleanup;
  bank = openBank(join(temp.dir, '电工四级.qbank'), { clock: fakeClock(), newId: sequentialIds() });
  saveStandard(bank.standards, electricianStandardWithWeights(), '2026-01-01T00:00:00.000Z');
});

afterEach(() => {
  bank.close();
  cleanup();
});

/** Runs `fn`, expects a FORBIDDEN naming the user and `roles`, and that the bank is unchanged. */
function expectRefused(fn: () => unknown, who: Actor, roles: string): void {
  const before = bankContentHash(bank.db);
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CodedError);
  expect(thrown).toMatchObject({
    code: 'FORBIDDEN',
    message: `${who.name}（${who.id}）没有此操作的权限，需要：${roles}`,
  });
  expect(bankContentHash(bank.db)).toBe(before);
}

describe('writing items', () => {
  it('needs a 命题人员 or a 题库管理员', () => {
    expectRefused(
      () => saveItem(bank, reviewer, { content: distance }),
      reviewer,
      '命题人员 或 题库管理员',
    );
    const { item } = saveItem(bank, writer, { content: distance, tags: ['安全距离'] });
    expect(bank.items.getMeta(item.id)?.author).toBe('zhangsan');
    const { item: byAdmin } = saveItem(bank, admin, { content: earthing });
    expect(bank.items.getMeta(byAdmin.id)?.author).toBe('wangwu');
    const edited = saveItem(bank, writer, { id: item.id, content: distance, note: '补充单位' });
    expect(edited.item.id).toBe(item.id);
  });

  it('tags and classification need the same roles', () => {
    const { item } = saveItem(bank, writer, { content: earthing });
    expectRefused(
      () => tagItems(bank, reviewer, [item.id], ['停电作业']),
      reviewer,
      '命题人员 或 题库管理员',
    );
    expectRefused(
      () => classifyItemsAs(bank, reviewer, [item.id], { pointId: pointId('B-A-001') }),
      reviewer,
      '命题人员 或 题库管理员',
    );
    expect(tagItems(bank, writer, [item.id, 'no-such-item'], ['停电作业'])).toEqual([
      { id: item.id, ok: true, status: 'draft' },
      { id: 'no-such-item', ok: false, error: '试题 no-such-item 不存在' },
    ]);
    expect(bank.items.getItem(item.id)?.tags).toEqual(['停电作业']);
  });
});

describe('review', () => {
  it('submit needs a writer; approve, reject and retire need a reviewer (or an admin)', () => {
    const { item } = saveItem(bank, writer, { content: distance });
    expectRefused(
      () => reviewOneItem(bank, reviewer, item.id, { action: 'submit' }),
      reviewer,
      '命题人员 或 题库管理员',
    );
    expect(reviewOneItem(bank, writer, item.id, { action: 'submit' }).reviewStatus).toBe(
      'in_review',
    );
    expectRefused(
      () => reviewOneItem(bank, writer, item.id, { action: 'approve' }),
      writer,
      '审题人员 或 题库管理员',
    );
    expectRefused(
      () => reviewOneItem(bank, writer, item.id, { action: 'reject', comment: '选项单位不统一' }),
      writer,
      '审题人员 或 题库管理员',
    );
    expect(reviewOneItem(bank, reviewer, item.id, { action: 'approve' }).reviewStatus).toBe(
      'approved',
    );
    expectRefused(
      () => reviewOneItem(bank, writer, item.id, { action: 'retire' }),
      writer,
      '题库管理员 或 审题人员',
    );
    expect(
      reviewOneItem(bank, admin, item.id, { action: 'retire', comment: '曝光过多' }).reviewStatus,
    ).toBe('retired');
  });

  it('a bulk review is refused as a whole for a missing role, item by item for the bank rules', () => {
    const ids = [distance, earthing].map((content) => saveItem(bank, writer, { content }).item.id);
    reviewManyItems(bank, writer, ids, { action: 'submit' });
    expectRefused(
      () => reviewManyItems(bank, writer, ids, { action: 'approve' }),
      writer,
      '审题人员 或 题库管理员',
    );
    // With the role, the four-eyes rule still refuses the writer's own items, each with the reason.
    const both: Actor = { id: 'zhangsan', name: '张三', roles: ['writer', 'reviewer'] };
    const own = reviewManyItems(bank, both, ids, { action: 'approve' });
    expect(own.done).toEqual([]);
    expect(own.refused.map((r) => [r.id, r.code])).toEqual(ids.map((id) => [id, 'FORBIDDEN']));
    expect(own.refused[0]?.reason).toContain('不能审核通过自己编写或修改的试题');
    const approved = reviewManyItems(bank, reviewer, ids, { action: 'approve' });
    expect(approved.done.map((d) => d.status)).toEqual(['approved', 'approved']);
  });

  it("the CLI's bank operator holds every role, and the bank's rules still apply to them", () => {
    const operator = bankOperator('qbank');
    expect(operator.roles).toEqual(['writer', 'reviewer', 'admin']);
    const { item } = saveItem(bank, operator, { content: earthing });
    reviewOneItem(bank, operator, item.id, { action: 'submit' });
    expect(() => reviewOneItem(bank, operator, item.id, { action: 'approve' })).toThrow(
      /不能审核通过自己编写或修改的试题（qbank）/,
    );
    expect(
      reviewOneItem(bank, bankOperator('lisi'), item.id, { action: 'approve' }).reviewStatus,
    ).toBe('approved');
  });
});

describe('standards', () => {
  it('importing a standard needs a 题库管理员', async () => {
    const json = electricianStandardJson();
    const bytes = new TextEncoder().encode(
      JSON.stringify({ ...json, standard: { ...json.standard, version: '2019' } }),
    );
    const before = bankContentHash(bank.db);
    await expect(importStandard(bank, writer, bytes, '电工标准.json')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: '张三（zhangsan）没有此操作的权限，需要：题库管理员',
    });
    expect(bankContentHash(bank.db)).toBe(before);
    const report = await importStandard(bank, admin, bytes, '电工标准.json');
    expect(report.standard?.id).toBe('6-31-01-03:2019');
    expect(bank.standards.listStandards().map((s) => s.id)).toContain('6-31-01-03:2019');
  });
});
