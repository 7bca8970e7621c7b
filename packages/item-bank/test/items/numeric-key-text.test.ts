import {
  ANSWER_KEY_STYLES,
  contentBuilders,
  formatAnswerKey,
  itemBody,
  type ItemContent,
} from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { readableItemText } from '../../src/items/item-text';

const content: ItemContent = {
  type: 'fill_blank',
  assessmentPointId: 'p1',
  level: 4,
  difficulty: 3,
  stem: itemBody(
    contentBuilders.paragraph(
      '12 V 电源接 2 Ω 与 4 Ω 串联电阻，电流为',
      contentBuilders.blank('b1'),
      'A，2 Ω 电阻两端电压为',
      contentBuilders.blank('b2'),
      'V。',
    ),
  ),
  key: {
    b1: [{ number: 2, tolerance: 5, mode: 'relative' }],
    b2: [{ number: 4, tolerance: 0.2, mode: 'absolute' }],
  },
};

describe('numeric 填空 keys as reviewers and the printed answer key read them', () => {
  it('history text and the answer-key PDF show 2 ±5% and 4 ±0.2', () => {
    expect(readableItemText(content)).toContain('【答案】b1: 2 ±5%; b2: 4 ±0.2');
    expect(formatAnswerKey(content, ANSWER_KEY_STYLES.printedKey)).toBe('2 ±5%；4 ±0.2');
  });
});
