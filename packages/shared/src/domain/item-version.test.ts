import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import { ItemSchema } from './item';
import { createItemVersion, ItemVersionSchema } from './item-version';

const item = ItemSchema.parse({
  id: 'item-tf-7',
  version: 3,
  type: 'true_false',
  stem: itemBodyFromText('使用万用表测量电阻时，必须先断开被测电路的电源。'),
  key: true,
  assessmentPointId: 'point-B-C-011',
  level: 4,
  difficulty: 2,
  reviewStatus: 'in_review',
  tags: ['仪表'],
});

describe('createItemVersion', () => {
  it('snapshots the content only, with who and when', () => {
    const version = createItemVersion(item, {
      createdBy: 'user-42',
      createdAt: '2025-06-01T09:30:00+08:00',
    });
    expect(version).toMatchObject({ itemId: 'item-tf-7', version: 3, createdBy: 'user-42' });
    expect(version.content.type).toBe('true_false');
    expect('tags' in version.content).toBe(false);
    expect('reviewStatus' in version.content).toBe(false);
  });

  it('freezes the whole snapshot', () => {
    const version = createItemVersion(item, {
      createdBy: 'user-42',
      createdAt: '2025-06-01T01:30:00Z',
    });
    expect(Object.isFrozen(version)).toBe(true);
    expect(Object.isFrozen(version.content)).toBe(true);
    expect(Object.isFrozen(version.content.stem.content[0])).toBe(true);
    expect(() => {
      (version.content as { key: boolean }).key = false;
    }).toThrow(TypeError);
  });

  it('does not share objects with the item it came from', () => {
    createItemVersion(item, { createdBy: 'user-42', createdAt: '2025-06-01T01:30:00Z' });
    expect(Object.isFrozen(item.stem)).toBe(false);
  });
});

describe('ItemVersionSchema', () => {
  const valid = {
    itemId: 'item-tf-7',
    version: 1,
    content: {
      type: 'true_false',
      stem: itemBodyFromText('x'),
      key: true,
      assessmentPointId: 'p',
      level: 4,
      difficulty: 2,
    },
    createdBy: 'user-42',
    createdAt: '2025-06-01T01:30:00Z',
  };

  it('requires version ≥ 1 and an ISO timestamp', () => {
    expect(ItemVersionSchema.safeParse(valid).success).toBe(true);
    expect(ItemVersionSchema.safeParse({ ...valid, version: 0 }).success).toBe(false);
    expect(ItemVersionSchema.safeParse({ ...valid, createdAt: '2025/06/01 09:30' }).success).toBe(
      false,
    );
  });
});
