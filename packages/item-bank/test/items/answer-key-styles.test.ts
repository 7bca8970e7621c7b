import {
  ANSWER_KEY_STYLES,
  contentBuilders,
  formatAnswerKey,
  itemBody,
  itemBodyFromText,
  OPTION_IDS,
  type ItemContent,
} from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { keyLabel } from '../../src/imports/duplicate-forms';
import { itemToRow, EXPORT_HEADER } from '../../src/import-export/item-to-row';
import { readableItemText } from '../../src/items/item-text';

/* 焊工 (中级) items of every type, as an author would write them. */
const common = { assessmentPointId: 'point-B-C-004', level: 4, difficulty: 3 } as const;
const options = (...texts: string[]) =>
  texts.map((text, index) => ({ id: OPTION_IDS[index] ?? 'F', content: itemBodyFromText(text) }));

const items: ItemContent[] = [
  {
    type: 'true_false',
    ...common,
    stem: itemBodyFromText('焊接黄铜时，为防止锌的蒸发，应采用较大的焊接电流。'),
    key: false,
  },
  {
    type: 'single_choice',
    ...common,
    stem: itemBodyFromText('E4303 焊条的药皮类型是（　　）。'),
    options: options('钛钙型', '低氢钠型', '低氢钾型', '纤维素型'),
    key: 'A',
  },
  {
    type: 'multiple_choice',
    ...common,
    stem: itemBodyFromText('焊接接头的基本形式有（　　）。'),
    options: options('对接接头', 'T形接头', '角接接头', '搭接接头', '卷边接头'),
    key: ['D', 'A', 'C', 'B'],
  },
  {
    type: 'fill_blank',
    ...common,
    stem: itemBody(
      contentBuilders.paragraph(
        'Q235 钢板厚 12 mm，坡口角度一般取',
        contentBuilders.blank('b2'),
        '°，钝边取',
        contentBuilders.blank('b1'),
        ' mm。',
      ),
    ),
    key: {
      b2: ['60', { number: 60, tolerance: 5, mode: 'absolute' }],
      b1: [{ number: 1.5, tolerance: 0.5, mode: 'absolute' }],
    },
  },
  {
    type: 'short_answer',
    ...common,
    stem: itemBodyFromText('简述焊接变形的主要种类及预防措施。'),
    key: {
      referenceAnswer: itemBodyFromText(
        '种类：纵向和横向收缩变形、角变形、弯曲变形、波浪变形、扭曲变形。\n预防：合理设计结构、反变形法、刚性固定法、选择合理的焊接顺序。',
      ),
    },
  },
];

describe('each place that shows a key uses the shared formatter, unchanged', () => {
  it('duplicate messages: keyLabel reads exactly as the message style', () => {
    for (const content of items) {
      expect(formatAnswerKey(content, ANSWER_KEY_STYLES.message)).toBe(keyLabel(content));
    }
    expect(items.map((content) => keyLabel(content))).toEqual([
      '×',
      'A',
      'ABCD',
      '数值：1.5 ±0.5；60/数值：60 ±5',
      '种类：纵向和横向收缩变形、角变形、弯曲变…',
    ]);
  });

  it('history text shows blanks by id and letters as stored', () => {
    const [, , multiple, fill] = items.map(readableItemText);
    expect(multiple).toContain('【答案】DACB\n');
    expect(fill).toContain('【答案】b2: 60 | 60 ±5; b1: 1.5 ±0.5\n');
  });

  it('an exported key cell writes numbers the importer reads back', () => {
    const keyColumn = EXPORT_HEADER.indexOf('答案');
    const cells = items.map(
      (content) =>
        itemToRow({ id: 'x', version: 1, content, tags: [], status: 'approved' })[keyColumn],
    );
    expect(cells).toEqual([
      '×',
      'A',
      'ABCD',
      '60|数值：60 ±5；数值：1.5 ±0.5',
      '种类：纵向和横向收缩变形、角变形、弯曲变形、波浪变形、扭曲变形。\n预防：合理设计结构、反变形法、刚性固定法、选择合理的焊接顺序。',
    ]);
  });
});
