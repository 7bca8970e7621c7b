import type { PaperAnswerKeys } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { mergedResponseMatrix } from '../../src/statistics/merged-responses';

const body = {
  format: 'item-body' as const,
  version: 1 as const,
  content: [{ type: 'paragraph' as const, children: [{ text: '要点' }] }],
};

const keys: PaperAnswerKeys = {
  paperId: 'P-1',
  fullMarks: 12,
  passMark: 7.2,
  sections: [
    {
      title: '单选',
      itemType: 'single_choice',
      pointsEach: 1,
      items: [{ itemId: 'Q1', version: 1, number: 1, answer: { type: 'single_choice', key: 'B' } }],
    },
    {
      title: '判断',
      itemType: 'true_false',
      pointsEach: 1,
      items: [{ itemId: 'Q2', version: 1, number: 2, answer: { type: 'true_false', key: false } }],
    },
    {
      title: '简答',
      itemType: 'short_answer',
      pointsEach: 10,
      items: [
        {
          itemId: 'Q3',
          version: 2,
          number: 3,
          answer: { type: 'short_answer', key: { referenceAnswer: body } },
        },
      ],
    },
  ],
};

describe('mergedResponseMatrix', () => {
  it('keeps letters for choice items, marks for marked short answers, and omits what was not given or not marked', () => {
    const matrix = mergedResponseMatrix(
      keys,
      ['Q1', 'Q2', 'Q3'],
      [
        {
          answers: {
            Q1: { kind: 'choice', selected: ['B'] },
            Q2: { kind: 'true_false', value: true },
            Q3: { kind: 'text', text: '答' },
          },
          itemPoints: [1, 0, 7.5],
          result: 'pass',
        },
        {
          answers: { Q1: { kind: 'choice', selected: ['C'] }, Q3: { kind: 'text', text: '答' } },
          itemPoints: [0, 0, 0],
          result: 'pending',
        },
      ],
    );
    expect(matrix.candidateIds).toEqual(['C000001', 'C000002']);
    expect(matrix.items.map((item) => [item.id, item.key, item.maxPoints])).toEqual([
      ['Q1', ['B'], 1],
      ['Q2', ['B'], 1],
      ['Q3', undefined, 10],
    ]);
    expect([...matrix.scores]).toEqual([1, 0, 7.5, 0, 0, 0]);
    // the pending candidate's unmarked 简答 and the unanswered 判断 are omitted
    expect([...matrix.omitted]).toEqual([0, 0, 0, 0, 1, 1]);
  });
});
