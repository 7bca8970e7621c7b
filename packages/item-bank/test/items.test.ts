import { contentBuilders, itemBody, itemBodyFromText, type ItemContent } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { bankContentHash } from '../src/db/content-hash';
import { diffItemVersions, itemHistory } from '../src/items/item-history';
import { assetHash, createItem, pinItemVersion, updateItem } from '../src/items/item-service';
import { reviewItem } from '../src/review/review-service';
import { memoryBank, pointId, singleChoice, trueFalse } from './support/fixtures';

describe('items', () => {
  it('creates a draft version 1 with tags and records who created it', () => {
    const bank = memoryBank();
    const { item, nearDuplicates } = createItem(
      bank,
      {
        content: singleChoice('电缆敷设时弯曲半径应满足什么要求？'),
        tags: ['电缆', '电缆', ' 敷设 '],
      },
      'writer',
    );
    expect(item).toMatchObject({
      id: 'item-0001',
      version: 1,
      reviewStatus: 'draft',
      type: 'single_choice',
    });
    expect(item.tags).toEqual(['敷设', '电缆']);
    expect(nearDuplicates).toEqual([]);
    expect(itemHistory(bank.items, item.id).events).toMatchObject([
      { to: 'draft', actor: 'writer', comment: '新建' },
    ]);
  });

  it.each<[string, (c: ItemContent) => unknown, RegExp]>([
    [
      'single choice key not an option',
      (c) => ({ ...c, key: 'F' }),
      /The key "F" is not one of the options/,
    ],
    [
      'multiple choice with one key',
      (c) => ({ ...c, type: 'multiple_choice', key: ['A'] }),
      /at least 2 correct options/,
    ],
    ['true/false with a letter key', () => ({ ...trueFalse('x'), key: 'A' }), /key/],
    [
      'fill blank without answers',
      (c) => ({
        ...c,
        type: 'fill_blank',
        options: undefined,
        stem: itemBody(contentBuilders.paragraph('电压单位是', contentBuilders.blank('b1'))),
        key: { b1: [] },
      }),
      /needs at least one accepted answer/,
    ],
    [
      'unknown point',
      (c) => ({ ...c, assessmentPointId: pointId('Z-Z-999') }),
      /鉴定点 .* 不在题库中/,
    ],
  ])('rejects invalid content: %s, changing nothing', (_name, mutate, message) => {
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    expect(() => createItem(bank, { content: mutate(singleChoice('题干内容')) }, 'writer')).toThrow(
      message,
    );
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('edits a draft in place but makes a new immutable version of an approved item', () => {
    const bank = memoryBank();
    const { item } = createItem(
      bank,
      { content: trueFalse('电缆的弯曲半径没有要求。', false) },
      'writer',
    );
    const edited = updateItem(
      bank,
      item.id,
      { content: trueFalse('电缆的弯曲半径有要求。', true) },
      'writer',
    );
    expect(edited).toMatchObject({ newVersion: false, item: { version: 1, key: true } });
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    reviewItem(bank, item.id, { action: 'approve', actor: 'reviewer' });

    const second = updateItem(
      bank,
      item.id,
      { content: trueFalse('电缆敷设的弯曲半径必须符合规定。', true), note: '措辞' },
      'editor',
    );
    expect(second.newVersion).toBe(true);
    expect(second.item).toMatchObject({ version: 2, reviewStatus: 'draft' });
    const history = itemHistory(bank.items, item.id);
    expect(history.versions.map((v) => [v.version, v.createdBy])).toEqual([
      [1, 'writer'],
      [2, 'editor'],
    ]);
    expect(history.versions[0]?.content.stem).toEqual(itemBodyFromText('电缆的弯曲半径有要求。'));
    expect(() =>
      bank.db.prepare("UPDATE item_versions SET note = 'x' WHERE version = 1").run(),
    ).toThrow(/sealed/);

    const diff = diffItemVersions(bank.items, item.id);
    expect(diff).toMatchObject({ from: 1, to: 2, added: 1, removed: 1 });
    expect(diff.patch).toContain('-【题干】电缆的弯曲半径有要求。');
    expect(diff.patch).toContain('+【题干】电缆敷设的弯曲半径必须符合规定。');
  });

  it('refuses edits while in review and after retirement', () => {
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('接地电阻应定期测量。') }, 'writer');
    reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
    expect(() => updateItem(bank, item.id, { content: trueFalse('改') }, 'writer')).toThrow(
      /正在审核中/,
    );
  });

  it('a pinned version is sealed even when it was never approved', () => {
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('绝缘手套使用前应检查。') }, 'writer');
    pinItemVersion(bank, 'paper-1', { itemId: item.id, version: 1 });
    const edited = updateItem(
      bank,
      item.id,
      { content: trueFalse('绝缘手套使用前必须检查。') },
      'writer',
    );
    expect(edited.newVersion).toBe(true);
    expect(bank.items.getVersion(item.id, 1)?.content.stem).toEqual(
      itemBodyFromText('绝缘手套使用前应检查。'),
    );
    // The paper pinned version 1: its exposure stays with version 1, not the new version 2.
    expect(bank.statistics.pooled(item.id).map((v) => [v.version, v.papersPinned])).toEqual([
      [1, 1],
    ]);
    expect(bank.items.getItem(item.id)?.stats).toBeUndefined();
    expect(() => pinItemVersion(bank, 'paper-1', { itemId: item.id, version: 9 })).toThrow(
      /没有第 9 版/,
    );
  });

  it('stores an image once by hash and refuses content with an unknown image', () => {
    const bank = memoryBank();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const hash = assetHash(png);
    const content = singleChoice('如图所示的接线方式是？', undefined, {
      stem: itemBody(contentBuilders.paragraph('如图所示'), contentBuilders.image(hash, '接线图')),
    } as Partial<ItemContent>);
    expect(() => createItem(bank, { content }, 'writer')).toThrow(/图片 .* 不在题库中/);
    createItem(bank, { content, assets: [{ bytes: png, mime: 'image/png' }] }, 'writer');
    createItem(bank, { content, assets: [{ bytes: png, mime: 'image/png' }] }, 'writer');
    expect(bank.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 });
    expect(bank.items.getAsset(hash)?.bytes).toEqual(png);
  });

  it('flags near-duplicates of the same 鉴定点 only, and lists them', () => {
    const bank = memoryBank();
    const a = createItem(
      bank,
      { content: singleChoice('电力电缆敷设时，最小弯曲半径应符合哪项规定？') },
      'w',
    );
    const b = createItem(
      bank,
      { content: singleChoice('电力电缆敷设时，最小弯曲半径应符合下列哪项规定？') },
      'w',
    );
    expect(b.nearDuplicates).toEqual([{ id: a.item.id, similarity: expect.any(Number) }]);
    expect(b.nearDuplicates[0]!.similarity).toBeGreaterThanOrEqual(0.85);
    const other = createItem(
      bank,
      {
        content: singleChoice('电力电缆敷设时，最小弯曲半径应符合哪项规定？', undefined, {
          assessmentPointId: pointId('B-A-002'),
        }),
      },
      'w',
    );
    expect(other.nearDuplicates).toEqual([]);
    const c = createItem(bank, { content: singleChoice('变压器油的主要作用是绝缘和散热。') }, 'w');
    expect(c.nearDuplicates).toEqual([]);
    expect(bank.items.listDuplicateFlags()).toMatchObject([
      { itemId: a.item.id, otherItemId: b.item.id },
    ]);
  });
});
