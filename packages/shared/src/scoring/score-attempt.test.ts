import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import type { AnswerValue } from '../protocol/answer';
import { PaperAnswerKeysSchema, type PaperAnswerKeys } from './answer-keys';
import { scoreAttempt } from './score-attempt';

/** 三级 paper shape in miniature: 判断 ×4 @0.5, 单选 ×4 @0.5, 多选 ×2 @1, 简答 ×1 @4 → 10. */
function keys(policy?: 'partial'): PaperAnswerKeys {
  return PaperAnswerKeysSchema.parse({
    paperId: 'paper-1',
    fullMarks: 10,
    passMark: 6,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: 0.5,
        items: [true, false, true, false].map((key, i) => ({
          itemId: `tf${i + 1}`,
          version: 1,
          number: i + 1,
          answer: { type: 'true_false', key },
        })),
      },
      {
        title: '二、单选题',
        itemType: 'single_choice',
        pointsEach: 0.5,
        items: ['A', 'B', 'C', 'D'].map((key, i) => ({
          itemId: `sc${i + 1}`,
          version: 2,
          number: i + 5,
          answer: { type: 'single_choice', key },
        })),
      },
      {
        title: '三、多选题',
        itemType: 'multiple_choice',
        pointsEach: 1,
        ...(policy === undefined ? {} : { scoringPolicy: policy }),
        items: [
          {
            itemId: 'mc1',
            version: 1,
            number: 9,
            answer: { type: 'multiple_choice', key: ['A', 'B'] },
          },
          {
            itemId: 'mc2',
            version: 1,
            number: 10,
            answer: { type: 'multiple_choice', key: ['C', 'D', 'E'] },
          },
        ],
      },
      {
        title: '四、简答题',
        itemType: 'short_answer',
        pointsEach: 4,
        items: [
          {
            itemId: 'sa1',
            version: 1,
            number: 11,
            answer: { type: 'short_answer', key: { referenceAnswer: itemBodyFromText('要点') } },
          },
        ],
      },
    ],
  });
}

const tf = (value: boolean): AnswerValue => ({ kind: 'true_false', value });
const choice = (...selected: string[]): AnswerValue => ({ kind: 'choice', selected });

describe('scoreAttempt', () => {
  it('scores totals per section, counts items to mark and decides pass/fail', () => {
    const answers = new Map<string, AnswerValue>([
      ['tf1', tf(true)],
      ['tf2', tf(true)],
      ['tf3', tf(true)],
      ['sc1', choice('A')],
      ['sc2', choice('B')],
      ['mc1', choice('A', 'B')],
      ['mc2', choice('C', 'D')],
      ['sa1', { kind: 'text', text: '答案' }],
      ['not-in-paper', tf(true)],
    ]);
    const score = scoreAttempt(keys(), answers);
    expect(score.sections.map((s) => [s.points, s.maxPoints, s.needsMarking])).toEqual([
      [1, 2, 0],
      [1, 2, 0],
      [1, 2, 0],
      [0, 4, 1],
    ]);
    expect(score).toMatchObject({
      total: 3,
      maxTotal: 10,
      passMark: 6,
      result: 'pending',
      needsMarking: 1,
    });
    expect(score.ignoredAnswers).toEqual(['not-in-paper']);
    expect(score.items.find((i) => i.itemId === 'sc2')).toMatchObject({ number: 6, version: 2 });

    const marked = scoreAttempt(keys(), answers, { manualMarks: new Map([['sa1', 3]]) });
    expect(marked).toMatchObject({ total: 6, result: 'pass', needsMarking: 0 });
    const low = scoreAttempt(keys(), answers, { manualMarks: new Map([['sa1', 2.5]]) });
    expect(low).toMatchObject({ total: 5.5, result: 'fail' });
  });

  it('applies the section policy for multiple choice', () => {
    const answers = new Map<string, AnswerValue>([['mc2', choice('C', 'D')]]);
    expect(scoreAttempt(keys(), answers).sections[2]?.points).toBe(0);
    expect(scoreAttempt(keys('partial'), answers).sections[2]?.points).toBe(0.67);
  });

  it('fails early when the unmarked points cannot reach the pass mark', () => {
    expect(scoreAttempt(keys(), new Map()).result).toBe('fail');
    expect(scoreAttempt(keys(), new Map(), { passMark: 4 }).result).toBe('pending');
    expect(scoreAttempt(keys(), new Map(), { passMark: 0 }).result).toBe('pass');
  });

  it('rejects a manual mark out of range', () => {
    expect(() => scoreAttempt(keys(), new Map(), { manualMarks: new Map([['sa1', 5]]) })).toThrow(
      /outside 0–4/,
    );
  });

  it('property: total = Σ sections = Σ items, all within bounds', () => {
    const answerArb = fc.record({
      tf: fc.array(fc.option(fc.boolean(), { nil: undefined }), { minLength: 4, maxLength: 4 }),
      sc: fc.array(fc.subarray(['A', 'B', 'C', 'D']), { minLength: 4, maxLength: 4 }),
      mc: fc.array(fc.subarray(['A', 'B', 'C', 'D', 'E']), { minLength: 2, maxLength: 2 }),
      mark: fc.option(
        fc.integer({ min: 0, max: 8 }).map((n) => n / 2),
        { nil: undefined },
      ),
      partial: fc.boolean(),
    });
    fc.assert(
      fc.property(answerArb, (input) => {
        const answers = new Map<string, AnswerValue>();
        input.tf.forEach((v, i) => v !== undefined && answers.set(`tf${i + 1}`, tf(v)));
        input.sc.forEach((v, i) => answers.set(`sc${i + 1}`, choice(...v)));
        input.mc.forEach((v, i) => answers.set(`mc${i + 1}`, choice(...v)));
        const score = scoreAttempt(keys(input.partial ? 'partial' : undefined), answers, {
          ...(input.mark === undefined ? {} : { manualMarks: new Map([['sa1', input.mark]]) }),
        });
        const itemSum = score.items.reduce(
          (sum, item) => sum + (item.score.status === 'needs_marking' ? 0 : item.score.points),
          0,
        );
        expect(score.total).toBeCloseTo(itemSum, 6);
        expect(score.total).toBeGreaterThanOrEqual(0);
        expect(score.total).toBeLessThanOrEqual(score.maxTotal);
        expect(score.needsMarking).toBe(input.mark === undefined ? 1 : 0);
        if (score.result === 'pass') expect(score.total).toBeGreaterThanOrEqual(6);
        if (score.result === 'pending') expect(input.mark).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
