import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../protocol/answer';
import type { ItemAnswerKey } from './answer-keys';
import { scoreItem, type ItemScore } from './score-item';

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

function points(score: ItemScore): number {
  if (score.status !== 'scored') throw new Error('expected a scored item');
  return score.points;
}

describe('scoreItem: true/false and single choice', () => {
  const tf: ItemAnswerKey = { type: 'true_false', key: false };
  const single: ItemAnswerKey = { type: 'single_choice', key: 'C' };

  it('scores 判断题', () => {
    expect(scoreItem(tf, { kind: 'true_false', value: false }, { pointsEach: 0.5 })).toEqual({
      status: 'scored',
      outcome: 'correct',
      points: 0.5,
      maxPoints: 0.5,
    });
    expect(points(scoreItem(tf, { kind: 'true_false', value: true }, { pointsEach: 0.5 }))).toBe(0);
  });

  it('scores 单选题, and more than one selection is wrong', () => {
    expect(points(scoreItem(single, { kind: 'choice', selected: ['C'] }, { pointsEach: 1 }))).toBe(
      1,
    );
    expect(points(scoreItem(single, { kind: 'choice', selected: ['A'] }, { pointsEach: 1 }))).toBe(
      0,
    );
    expect(
      points(scoreItem(single, { kind: 'choice', selected: ['C', 'A'] }, { pointsEach: 1 })),
    ).toBe(0);
    expect(scoreItem(single, { kind: 'choice', selected: [] }, { pointsEach: 1 })).toMatchObject({
      outcome: 'unanswered',
    });
  });

  it('gives 0 for no answer or an answer of the wrong kind', () => {
    expect(scoreItem(tf, null, { pointsEach: 1 })).toMatchObject({
      outcome: 'unanswered',
      points: 0,
    });
    expect(scoreItem(tf, undefined, { pointsEach: 1 })).toMatchObject({ outcome: 'unanswered' });
    expect(scoreItem(single, { kind: 'text', text: 'C' }, { pointsEach: 1 })).toMatchObject({
      outcome: 'invalid_answer',
      points: 0,
    });
  });
});

describe('scoreItem: 多选题', () => {
  const key: ItemAnswerKey = { type: 'multiple_choice', key: ['A', 'C', 'E'] };
  const answer = (...selected: string[]): AnswerValue => ({ kind: 'choice', selected });

  it('all-or-nothing by default: 少选、多选、错选均不得分', () => {
    expect(points(scoreItem(key, answer('E', 'A', 'C'), { pointsEach: 1 }))).toBe(1);
    expect(points(scoreItem(key, answer('A', 'C'), { pointsEach: 1 }))).toBe(0);
    expect(points(scoreItem(key, answer('A', 'C', 'E', 'B'), { pointsEach: 1 }))).toBe(0);
  });

  it('partial: credit per correct option, nothing with a wrong one', () => {
    const partial = { pointsEach: 1.5, multipleChoicePolicy: 'partial' } as const;
    expect(points(scoreItem(key, answer('A', 'C'), partial))).toBe(1);
    expect(scoreItem(key, answer('A'), partial)).toMatchObject({ outcome: 'partial', points: 0.5 });
    expect(points(scoreItem(key, answer('A', 'B'), partial))).toBe(0);
    expect(points(scoreItem(key, answer('A', 'C', 'E'), partial))).toBe(1.5);
    expect(
      points(scoreItem(key, answer('A'), { pointsEach: 1, multipleChoicePolicy: 'partial' })),
    ).toBe(0.33);
  });

  const keyAndAnswer = fc
    .tuple(
      fc.subarray([...LETTERS], { minLength: 2 }),
      fc.subarray([...LETTERS]),
      fc.constantFrom(0.5, 1, 2, 3),
    )
    .map(([keyLetters, selected, pointsEach]) => ({ keyLetters, selected, pointsEach }));

  it('property: 0 ≤ all-or-nothing ≤ partial ≤ max, and the full key always earns max', () => {
    fc.assert(
      fc.property(keyAndAnswer, ({ keyLetters, selected, pointsEach }) => {
        const itemKey: ItemAnswerKey = { type: 'multiple_choice', key: keyLetters };
        const strict = points(scoreItem(itemKey, answer(...selected), { pointsEach }));
        const partial = points(
          scoreItem(itemKey, answer(...selected), { pointsEach, multipleChoicePolicy: 'partial' }),
        );
        expect(strict).toBeGreaterThanOrEqual(0);
        expect(partial).toBeGreaterThanOrEqual(strict);
        expect(partial).toBeLessThanOrEqual(pointsEach);
        expect(strict === 0 || strict === pointsEach).toBe(true);
        const full = points(
          scoreItem(itemKey, answer(...[...keyLetters].reverse()), {
            pointsEach,
            multipleChoicePolicy: 'partial',
          }),
        );
        expect(full).toBe(pointsEach);
        if (selected.some((letter) => !keyLetters.includes(letter))) expect(partial).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('scoreItem: 填空题 and 简答题', () => {
  const key: ItemAnswerKey = {
    type: 'fill_blank',
    key: { b1: ['欧姆定律'], b2: ['I=U/R', 'U=IR'] },
  };

  it('matches each blank loosely and gives per-blank credit', () => {
    const score = scoreItem(
      key,
      { kind: 'blanks', values: { b1: ' 欧姆定律。', b2: 'ｉ＝ｕ／ｒ' } },
      { pointsEach: 2 },
    );
    expect(score).toMatchObject({ outcome: 'correct', points: 2 });
    const half = scoreItem(
      key,
      { kind: 'blanks', values: { b1: '欧姆定律', b2: 'P=UI' } },
      {
        pointsEach: 2,
      },
    );
    expect(half).toMatchObject({ outcome: 'partial', points: 1 });
    if (half.status === 'scored') {
      expect(half.blanks).toEqual([
        { blankId: 'b1', given: '欧姆定律', correct: true },
        { blankId: 'b2', given: 'P=UI', correct: false },
      ]);
    }
    expect(scoreItem(key, { kind: 'blanks', values: {} }, { pointsEach: 2 })).toMatchObject({
      outcome: 'unanswered',
      points: 0,
    });
  });

  it('sends short answers to manual marking whatever the answer', () => {
    const shortKey: ItemAnswerKey = {
      type: 'short_answer',
      key: {
        referenceAnswer: {
          format: 'item-body',
          version: 1,
          content: [{ type: 'paragraph', children: [{ text: '略' }] }],
        },
      },
    };
    expect(scoreItem(shortKey, { kind: 'text', text: '答' }, { pointsEach: 5 })).toEqual({
      status: 'needs_marking',
      maxPoints: 5,
    });
  });
});

describe('scoreItem: 填空题 with numeric answers', () => {
  const answer = (values: Record<string, string>): AnswerValue => ({ kind: 'blanks', values });
  // 某电阻两端电压为 8 V，电流为 2 A，则电阻为____Ω，功率为____W。
  const key: ItemAnswerKey = {
    type: 'fill_blank',
    key: {
      b1: [{ number: 4, tolerance: 5, mode: 'relative' }],
      b2: [{ number: 16, tolerance: 0.5, mode: 'absolute' }],
    },
  };

  it('4 is within 5 % of 4.0 and 16.5 within ±0.5 of 16: full points', () => {
    expect(scoreItem(key, answer({ b1: '4', b2: '16.5' }), { pointsEach: 2 })).toMatchObject({
      outcome: 'correct',
      points: 2,
    });
    expect(scoreItem(key, answer({ b1: '４．０', b2: '15.5' }), { pointsEach: 2 })).toMatchObject({
      outcome: 'correct',
    });
  });

  it('4.3 is outside 5 %, 16.6 outside ±0.5, a word is not a number', () => {
    const score = scoreItem(key, answer({ b1: '4.3', b2: '16' }), { pointsEach: 2 });
    expect(score).toMatchObject({ outcome: 'partial', points: 1 });
    if (score.status === 'scored')
      expect(score.blanks?.map((blank) => blank.correct)).toEqual([false, true]);
    expect(points(scoreItem(key, answer({ b1: '四', b2: '16.6' }), { pointsEach: 2 }))).toBe(0);
  });

  it('tolerance 0 is exact', () => {
    const exact: ItemAnswerKey = {
      type: 'fill_blank',
      key: { b1: [{ number: 50, tolerance: 0, mode: 'absolute' }] },
    };
    expect(points(scoreItem(exact, answer({ b1: '50.0' }), { pointsEach: 1 }))).toBe(1);
    expect(points(scoreItem(exact, answer({ b1: '50.01' }), { pointsEach: 1 }))).toBe(0);
    expect(points(scoreItem(exact, answer({ b1: '50Hz' }), { pointsEach: 1 }))).toBe(0);
  });
});
