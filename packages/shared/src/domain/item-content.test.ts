import { describe, expect, it } from 'vitest';
import { blank, itemBody, itemBodyFromText, paragraph } from '../content/builders';
import { ItemContentSchema } from './item-content';

const common = {
  stem: itemBodyFromText('在三相四线制供电系统中，中性线的作用是（　　）。'),
  explanation: itemBodyFromText('中性线使不对称负载的相电压保持对称。'),
  assessmentPointId: 'point-A-B-001',
  level: 4,
  difficulty: 3,
} as const;

const options = (...ids: string[]) =>
  ids.map((id) => ({ id, content: itemBodyFromText(`选项${id}`) }));

function messagesOf(input: unknown): string[] {
  const result = ItemContentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('ItemContentSchema: valid items of every type', () => {
  it.each([
    ['true_false', { type: 'true_false', ...common, key: false }],
    [
      'single_choice',
      { type: 'single_choice', ...common, options: options('A', 'B', 'C', 'D'), key: 'C' },
    ],
    [
      'multiple_choice',
      {
        type: 'multiple_choice',
        ...common,
        options: options('A', 'B', 'C', 'D', 'E'),
        key: ['A', 'C', 'E'],
      },
    ],
    [
      'fill_blank',
      {
        type: 'fill_blank',
        ...common,
        stem: itemBody(
          paragraph('我国工频交流电的频率为', blank('f'), '赫兹，电压', blank('u'), '伏。'),
        ),
        key: { f: ['50'], u: ['220', '二百二十'] },
      },
    ],
    [
      'short_answer',
      {
        type: 'short_answer',
        ...common,
        key: {
          referenceAnswer: itemBodyFromText('1. 断开电源；2. 验电；3. 装设接地线。'),
          rubric: [
            { description: '断开电源', points: 2 },
            { description: '验电并接地', points: 3 },
          ],
        },
      },
    ],
  ])('%s', (_type, item) => {
    expect(messagesOf(item)).toEqual([]);
  });

  it('makes 解析 optional', () => {
    const withoutExplanation = Object.fromEntries(
      Object.entries(common).filter(([field]) => field !== 'explanation'),
    );
    expect(messagesOf({ type: 'true_false', ...withoutExplanation, key: true })).toEqual([]);
  });
});

describe('ItemContentSchema: per-type rules', () => {
  it('rejects an empty stem', () => {
    expect(
      messagesOf({ type: 'true_false', ...common, stem: itemBody(paragraph('  ')), key: true }),
    ).toEqual(['The stem (题干) is empty']);
  });

  it('single choice: at least 2 options and a key among them', () => {
    expect(
      messagesOf({ type: 'single_choice', ...common, options: options('A'), key: 'A' }),
    ).toEqual(['A single-choice item needs at least 2 options']);
    expect(
      messagesOf({
        type: 'single_choice',
        ...common,
        options: options('A', 'B', 'C', 'D'),
        key: 'E',
      }),
    ).toEqual(['The key "E" is not one of the options (A, B, C, D)']);
    expect(
      messagesOf({ type: 'single_choice', ...common, options: options('A', 'B'), key: ['A'] }),
    ).not.toEqual([]);
  });

  it('multiple choice: at least 3 options and 2 distinct keys among them', () => {
    expect(
      messagesOf({
        type: 'multiple_choice',
        ...common,
        options: options('A', 'B'),
        key: ['A', 'B'],
      }),
    ).toEqual(['A multiple-choice item needs at least 3 options']);
    expect(
      messagesOf({
        type: 'multiple_choice',
        ...common,
        options: options('A', 'B', 'C'),
        key: ['A'],
      }),
    ).toEqual(['A multiple-choice item needs at least 2 correct options']);
    expect(
      messagesOf({
        type: 'multiple_choice',
        ...common,
        options: options('A', 'B', 'C'),
        key: ['A', 'A'],
      }),
    ).toEqual(['The key lists option "A" more than once']);
    expect(
      messagesOf({
        type: 'multiple_choice',
        ...common,
        options: options('A', 'B', 'C'),
        key: ['A', 'F'],
      }),
    ).toEqual(['The key "F" is not one of the options (A, B, C)']);
  });

  it('choice options: unique ids A–F, non-empty content', () => {
    expect(
      messagesOf({ type: 'single_choice', ...common, options: options('A', 'A', 'B'), key: 'B' }),
    ).toEqual(['Option id "A" is used more than once; option ids must be unique']);
    expect(
      messagesOf({ type: 'single_choice', ...common, options: options('A', 'G'), key: 'A' }),
    ).not.toEqual([]);
    const emptyOption = [...options('A'), { id: 'B', content: itemBody() }];
    expect(
      messagesOf({ type: 'single_choice', ...common, options: emptyOption, key: 'A' }),
    ).toEqual(['Option B is empty']);
  });

  it('fill blank: every blank has an accepted answer and every answer has a blank', () => {
    const stem = itemBody(paragraph('频率为', blank('f'), '赫兹，电压', blank('u'), '伏。'));
    expect(
      messagesOf({ type: 'fill_blank', ...common, stem, key: { f: ['50'], u: [], x: ['1'] } }),
    ).toEqual([
      'Blank "u" needs at least one accepted answer',
      'The key has answers for blank "x", which is not in the stem',
    ]);
    expect(messagesOf({ type: 'fill_blank', ...common, stem, key: { f: ['50'] } })).toEqual([
      'Blank "u" needs at least one accepted answer',
    ]);
    expect(
      messagesOf({ type: 'fill_blank', ...common, stem, key: { f: ['  '], u: ['220'] } }),
    ).toEqual(['An accepted answer is empty']);
  });

  it('fill blank: the stem needs blanks, each used once', () => {
    expect(messagesOf({ type: 'fill_blank', ...common, key: {} })).toEqual([
      'A fill-in-the-blank item needs at least one blank in its stem',
    ]);
    const twice = itemBody(paragraph(blank('f'), blank('f')));
    expect(messagesOf({ type: 'fill_blank', ...common, stem: twice, key: { f: ['1'] } })).toEqual([
      'Blank id "f" appears more than once in the stem',
    ]);
  });

  it('short answer: the reference answer is required and not empty; rubric points are positive', () => {
    expect(
      messagesOf({ type: 'short_answer', ...common, key: { referenceAnswer: itemBody() } }),
    ).toEqual(['The reference answer is empty']);
    const badRubric = {
      referenceAnswer: itemBodyFromText('x'),
      rubric: [{ description: 'y', points: 0 }],
    };
    expect(messagesOf({ type: 'short_answer', ...common, key: badRubric })).not.toEqual([]);
  });

  it('rejects unknown types, levels and difficulties', () => {
    expect(messagesOf({ type: 'essay', ...common, key: true })).not.toEqual([]);
    expect(
      messagesOf({ type: 'true_false', ...common, level: 'apprentice', key: true }),
    ).not.toEqual([]);
    expect(messagesOf({ type: 'true_false', ...common, difficulty: 6, key: true })).not.toEqual([]);
  });
});
