import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import type { ItemAnswerKey } from '../scoring/answer-keys';
import { ANSWER_KEY_STYLES, formatAnswerKey, type AnswerKeyOf } from './answer-key-text';

/* 电工 (四级) keys of every type, as the bank stores them and as a package carries them. */
const trueFalse: ItemAnswerKey = { type: 'true_false', key: false };
const single: ItemAnswerKey = { type: 'single_choice', key: 'C' };
const multiple: ItemAnswerKey = { type: 'multiple_choice', key: ['D', 'A', 'B'] };
const fill: ItemAnswerKey = {
  type: 'fill_blank',
  key: {
    b2: [{ number: 380, tolerance: 5, mode: 'relative' }],
    b1: ['220', '220V', { number: 220, tolerance: 0, mode: 'absolute' }],
  },
};
const shortAnswer: AnswerKeyOf = {
  type: 'short_answer',
  key: {
    referenceAnswer: itemBodyFromText(
      '先验电、后装设接地线：接地线先接接地端，后接导体端，拆除时顺序相反。',
    ),
  },
};

const all = (style: keyof typeof ANSWER_KEY_STYLES) =>
  [trueFalse, single, multiple, fill, shortAnswer].map((key) =>
    formatAnswerKey(key, ANSWER_KEY_STYLES[style]),
  );

describe('formatAnswerKey: one formatter, the style of each place that shows a key', () => {
  it('answer sheets number the blanks and leave 简答 to the markers', () => {
    expect(all('answerSheet')).toEqual([
      '×',
      'C',
      'ABD',
      '(1) 380 ±5%；(2) 220 / 220V / 220',
      '（人工评分）',
    ]);
  });

  it('prints numeric 填空 answers with their tolerance on the answer sheet', () => {
    expect(
      formatAnswerKey(
        {
          type: 'fill_blank',
          key: {
            b1: [{ number: 2, tolerance: 5, mode: 'relative' }],
            b2: [
              { number: 4, tolerance: 0.2, mode: 'absolute' },
              { number: 4.5, tolerance: 0, mode: 'absolute' },
            ],
            b3: [{ number: 11520, figures: 3, mode: 'significant_figures' }],
          },
        },
        ANSWER_KEY_STYLES.answerSheet,
      ),
    ).toBe('(1) 2 ±5%；(2) 4 ±0.2 / 4.5；(3) 11520（3位有效数字）');
  });

  it('the printed 标准答案 shows the answers bare and 简答 as its reference answer', () => {
    expect(all('printedKey')).toEqual([
      '×',
      'C',
      'ABD',
      '380 ±5%；220 / 220V / 220',
      '先验电、后装设接地线：接地线先接接地端，后接导体端，拆除时顺序相反。',
    ]);
  });

  it('history and review label blanks by id and keep the letters as stored', () => {
    expect(all('history')).toEqual([
      '×',
      'C',
      'DAB',
      'b2: 380 ±5%; b1: 220 | 220V | 220',
      '先验电、后装设接地线：接地线先接接地端，后接导体端，拆除时顺序相反。',
    ]);
    expect(all('review')).toEqual(['×', 'C', 'DAB', 'b2: 380 ±5%；b1: 220 | 220V | 220', '']);
  });

  it('a spreadsheet cell writes numbers as the importer reads them', () => {
    expect(formatAnswerKey(fill, ANSWER_KEY_STYLES.cell)).toBe('数值：380 ±5%；220|220V|数值：220');
  });

  it('duplicate messages sort blanks by id and cut a long 简答 at 20 characters', () => {
    expect(all('message')).toEqual([
      '×',
      'C',
      'ABD',
      '220/220V/数值：220；数值：380 ±5%',
      '先验电、后装设接地线：接地线先接接地端，…',
    ]);
  });
});
