import { contentBuilders, itemBody, ItemSchema } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  addOption,
  changeType,
  contentFromDraft,
  draftFromItem,
  moveOption,
  newDraft,
  removeOption,
  toggleKey,
  validateDraft,
  type ItemDraft,
} from './item-draft';

const POINT = '6-31-01-03:2018:A-A-001';
const text = (value: string) => itemBody(contentBuilders.paragraph(value));

function filledChoice(): ItemDraft {
  const draft = newDraft('single_choice', POINT, 4);
  return {
    ...draft,
    stem: text('题干'),
    options: draft.options.map((option) => ({ ...option, content: text(`内容${option.id}`) })),
  };
}

describe('item draft', () => {
  it('starts a single choice with four empty options and reports what is missing, by field', () => {
    const issues = validateDraft(newDraft('single_choice', POINT, 4));
    expect(issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['stem', 'options', 'key']),
    );
    expect(issues.find((issue) => issue.field === 'options')).toMatchObject({ at: '0' });
  });

  it('is valid once stem, options and key are there, and round-trips through an item', () => {
    const draft = toggleKey(filledChoice(), 'C');
    expect(validateDraft(draft)).toEqual([]);
    const item = ItemSchema.parse({
      ...contentFromDraft(draft),
      id: 'item-1',
      version: 1,
      reviewStatus: 'draft',
      tags: ['功率'],
    });
    const back = draftFromItem(item);
    expect(contentFromDraft(back)).toEqual(contentFromDraft(draft));
    expect(back.tags).toEqual(['功率']);
  });

  it('marks one key for single choice and several, sorted, for multiple choice', () => {
    let single = toggleKey(filledChoice(), 'A');
    single = toggleKey(single, 'D');
    expect(single.keys).toEqual(['D']);
    let multiple = changeType(filledChoice(), 'multiple_choice');
    multiple = toggleKey(toggleKey(toggleKey(multiple, 'D'), 'A'), 'B');
    expect(multiple.keys).toEqual(['A', 'B', 'D']);
    expect(toggleKey(multiple, 'B').keys).toEqual(['A', 'D']);
  });

  it('moves option contents (Alt+↑/↓) while letters stay, and the key follows its content', () => {
    const draft = toggleKey(filledChoice(), 'B');
    const moved = moveOption(draft, 1, -1);
    expect(moved.options.map((o) => [o.id, o.content])).toEqual([
      ['A', text('内容B')],
      ['B', text('内容A')],
      ['C', text('内容C')],
      ['D', text('内容D')],
    ]);
    expect(moved.keys).toEqual(['A']);
    expect(moveOption(draft, 0, -1)).toBe(draft);
    expect(moveOption(draft, 3, 1)).toBe(draft);
  });

  it('removes an option, relabels the rest and keeps the key on its content', () => {
    const draft = toggleKey(changeType(filledChoice(), 'multiple_choice'), 'D');
    const removed = removeOption(toggleKey(draft, 'A'), 1);
    expect(removed.options.map((o) => [o.id, o.content])).toEqual([
      ['A', text('内容A')],
      ['B', text('内容C')],
      ['C', text('内容D')],
    ]);
    expect(removed.keys).toEqual(['A', 'C']);
    const six = addOption(addOption(addOption(filledChoice())));
    expect(six.options.map((o) => o.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(addOption(six)).toBe(six);
  });

  it('builds fill-in keys from the blanks in the stem, alternatives split on |', () => {
    const draft: ItemDraft = {
      ...newDraft('fill_blank', POINT, 4),
      stem: itemBody(contentBuilders.paragraph('频率为', contentBuilders.blank('b1'), 'Hz')),
      blankAnswers: { b1: '50 | 五十 ', stale: 'x' },
    };
    expect(contentFromDraft(draft)).toMatchObject({ key: { b1: ['50', '五十'] } });
    expect(validateDraft(draft)).toEqual([]);
    expect(validateDraft({ ...draft, blankAnswers: {} })).toEqual([
      expect.objectContaining({ field: 'key', at: 'b1' }),
    ]);
  });

  it('numeric answers: 数值：4 ±0.2 is entered and shown as a number with its tolerance', () => {
    const draft: ItemDraft = {
      ...newDraft('fill_blank', POINT, 4),
      stem: itemBody(
        contentBuilders.paragraph(
          '8 V/2 A=',
          contentBuilders.blank('b1'),
          'Ω，',
          contentBuilders.blank('b2'),
        ),
      ),
      blankAnswers: { b1: '数值：4 ±0.2', b2: '数值：4±5% | 数值:4.0' },
    };
    expect(contentFromDraft(draft)).toMatchObject({
      key: {
        b1: [{ number: 4, tolerance: 0.2, mode: 'absolute' }],
        b2: [
          { number: 4, tolerance: 5, mode: 'relative' },
          { number: 4, tolerance: 0, mode: 'absolute' },
        ],
      },
    });
    expect(validateDraft(draft)).toEqual([]);
    const misspelt = validateDraft({ ...draft, blankAnswers: { b1: '数值：4±', b2: '四' } });
    expect(misspelt).toEqual([
      expect.objectContaining({
        field: 'key',
        at: 'b1',
        message: expect.stringContaining('数值：4 ±0.2'),
      }),
    ]);
  });

  it('switching type keeps the stem and drops options a type does not have', () => {
    const draft = toggleKey(filledChoice(), 'B');
    const tf = changeType(draft, 'true_false');
    expect(tf.options).toEqual([]);
    expect(tf.stem).toEqual(draft.stem);
    expect(contentFromDraft(tf)).toMatchObject({ type: 'true_false', key: true });
    expect(changeType(tf, 'multiple_choice').options).toHaveLength(5);
  });

  it('leaves an empty explanation out of the content', () => {
    expect(contentFromDraft(filledChoice())).not.toHaveProperty('explanation');
    expect(contentFromDraft({ ...filledChoice(), explanation: text('因为') })).toHaveProperty(
      'explanation',
    );
  });
});
