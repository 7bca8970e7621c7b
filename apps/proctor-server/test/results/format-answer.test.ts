import { describe, expect, it } from 'vitest';
import { ANSWER_KEY_STYLES, formatAnswerKey } from '@skillexam/shared';

describe('the answer sheet key (formatAnswerKey, answerSheet style)', () => {
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
});
