import { describe, expect, it } from 'vitest';
import { itemHistory } from '../src/items/item-history';
import { createItem, updateItem } from '../src/items/item-service';
import { reviewItem } from '../src/review/review-service';
import { memoryBank, trueFalse } from './support/fixtures';

describe('review workflow', () => {
  it('draft → in_review → approved → retired, recording actor, time and comments', () => {
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('验电前应先检查验电器。') }, 'writer');
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    expect(() => reviewItem(bank, item.id, { action: 'approve', actor: 'writer' })).toThrow(
      /不能审核通过自己编写或修改的试题/,
    );
    const approved = reviewItem(bank, item.id, {
      action: 'approve',
      actor: 'reviewer',
      comment: '表述准确',
    });
    expect(approved.reviewStatus).toBe('approved');
    reviewItem(bank, item.id, { action: 'retire', actor: 'admin', comment: '曝光过多' });
    const events = itemHistory(bank.items, item.id).events;
    expect(events.map((e) => [e.from, e.to, e.actor, e.comment])).toEqual([
      [undefined, 'draft', 'writer', '新建'],
      ['draft', 'in_review', 'writer', undefined],
      ['in_review', 'approved', 'reviewer', '表述准确'],
      ['approved', 'retired', 'admin', '曝光过多'],
    ]);
    expect(new Set(events.map((e) => e.at)).size).toBe(4);
  });

  it('rejection needs a comment; editing a rejected item makes it a draft again', () => {
    const bank = memoryBank();
    const { item } = createItem(
      bank,
      { content: trueFalse('电工可以不穿绝缘鞋。', false) },
      'writer',
    );
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    expect(() => reviewItem(bank, item.id, { action: 'reject', actor: 'reviewer' })).toThrow(
      /必须填写审核意见/,
    );
    reviewItem(bank, item.id, { action: 'reject', actor: 'reviewer', comment: '题干含否定词' });
    const edited = updateItem(
      bank,
      item.id,
      { content: trueFalse('电工作业应穿绝缘鞋。') },
      'writer',
    );
    expect(edited.item.reviewStatus).toBe('draft');
    expect(edited.newVersion).toBe(false);
    expect(itemHistory(bank.items, item.id).events.at(-1)).toMatchObject({
      from: 'rejected',
      to: 'draft',
    });
  });

  it('a reviewer who edited the version cannot approve it either', () => {
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('停电作业应挂接地线。') }, 'writer');
    updateItem(bank, item.id, { content: trueFalse('停电作业必须挂接地线。') }, 'reviewer');
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    expect(() => reviewItem(bank, item.id, { action: 'approve', actor: 'reviewer' })).toThrow(
      /FORBIDDEN|自己/,
    );
  });

  it('refuses transitions that the workflow does not allow, with the reason', () => {
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('熔断器用于短路保护。') }, 'writer');
    expect(() => reviewItem(bank, item.id, { action: 'approve', actor: 'reviewer' })).toThrow(
      '「草稿」状态的试题不能审核通过（只有「审核中」可以）',
    );
    expect(() => reviewItem(bank, 'nope', { action: 'submit', actor: 'x' })).toThrow(/不存在/);
  });
});
