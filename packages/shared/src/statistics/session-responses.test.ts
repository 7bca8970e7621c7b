import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import type { AnswerValue } from '../protocol/answer';
import type { PaperAnswerKeys } from '../scoring/answer-keys';
import { scoreAttempt } from '../scoring/score-attempt';
import { analyzeResponses } from './analyze-responses';
import { itemVersionsOfKeys, sessionResponseMatrix } from './session-responses';

const keys: PaperAnswerKeys = {
  paperId: 'paper-1',
  fullMarks: 4.5,
  passMark: 2,
  sections: [
    {
      title: '判断题',
      itemType: 'true_false',
      pointsEach: 0.5,
      items: [{ itemId: 'tf', version: 2, number: 1, answer: { type: 'true_false', key: false } }],
    },
    {
      title: '单选题',
      itemType: 'single_choice',
      pointsEach: 1,
      items: [{ itemId: 'sc', version: 1, number: 2, answer: { type: 'single_choice', key: 'C' } }],
    },
    {
      title: '多选题',
      itemType: 'multiple_choice',
      pointsEach: 2,
      scoringPolicy: 'partial',
      items: [
        {
          itemId: 'mc',
          version: 3,
          number: 3,
          answer: { type: 'multiple_choice', key: ['A', 'B'] },
        },
      ],
    },
    {
      title: '简答题',
      itemType: 'short_answer',
      pointsEach: 1,
      items: [
        {
          itemId: 'sa',
          version: 1,
          number: 4,
          answer: { type: 'short_answer', key: { referenceAnswer: itemBodyFromText('要点') } },
        },
      ],
    },
  ],
};

function attempt(
  candidateId: string,
  answers: Record<string, AnswerValue>,
  manualMarks: Record<string, number> = {},
) {
  const map = new Map(Object.entries(answers));
  return {
    candidateId,
    answers: map,
    score: scoreAttempt(keys, map, { manualMarks: new Map(Object.entries(manualMarks)) }),
  };
}

describe('sessionResponseMatrix', () => {
  const attempts = [
    attempt(
      'k1',
      {
        tf: { kind: 'true_false', value: false },
        sc: { kind: 'choice', selected: ['C'] },
        mc: { kind: 'choice', selected: ['A'] },
        sa: { kind: 'text', text: '……' },
      },
      { sa: 0.5 },
    ),
    attempt('k2', {
      tf: { kind: 'true_false', value: true },
      sc: { kind: 'choice', selected: ['E'] },
      sa: { kind: 'text', text: '未评' },
    }),
  ];
  const matrix = sessionResponseMatrix(keys, attempts);

  it('takes the scores the candidates got, partial credit and manual marks included', () => {
    expect(matrix.candidateIds).toEqual(['k1', 'k2']);
    expect(matrix.items.map((item) => [item.id, item.maxPoints])).toEqual([
      ['tf', 0.5],
      ['sc', 1],
      ['mc', 2],
      ['sa', 1],
    ]);
    // k1: tf correct 0.5, sc correct 1, mc partial 2·1/2 = 1, sa marked 0.5
    // k2: tf wrong 0, sc wrong 0, mc unanswered (omitted), sa not yet marked (omitted)
    expect([...matrix.scores]).toEqual([0.5, 1, 1, 0.5, 0, 0, 0, 0]);
    expect([...matrix.omitted]).toEqual([0, 0, 0, 0, 0, 0, 1, 1]);
  });

  it('keeps the choices for distractor analysis, true/false as A = 对, B = 错', () => {
    // masks: tf k1 false → B = 2, k2 true → A = 1; sc C = 4, E = 16; mc A = 1
    expect([...(matrix.choices ?? [])]).toEqual([2, 4, 1, 0, 1, 16, 0, 0]);
    expect(matrix.items[0]).toMatchObject({ key: ['B'], options: ['A', 'B'] });
    expect(matrix.items[1]).toMatchObject({ key: ['C'], options: ['A', 'B', 'C', 'D', 'E'] });
    expect(matrix.items[2]).toMatchObject({ key: ['A', 'B'], options: ['A', 'B', 'C', 'D', 'E'] });
    expect(matrix.items[3]?.options).toBeUndefined();
    const result = analyzeResponses(matrix);
    expect(result.items[1]?.options?.find((option) => option.option === 'E')?.rate).toBe(0.5);
  });

  it('maps item ids to the versions on the paper', () => {
    expect([...itemVersionsOfKeys(keys).values()]).toEqual([
      { itemId: 'tf', version: 2 },
      { itemId: 'sc', version: 1 },
      { itemId: 'mc', version: 3 },
      { itemId: 'sa', version: 1 },
    ]);
  });

  it('refuses an attempt at another paper', () => {
    const other = attempt('k3', {});
    expect(() =>
      sessionResponseMatrix(keys, [{ ...other, score: { ...other.score, paperId: 'paper-2' } }]),
    ).toThrow('attempt of candidate "k3" is for paper "paper-2", not "paper-1"');
  });
});
