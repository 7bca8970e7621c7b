import type { CandidatePaperItem } from '@skillexam/shared';
import { itemBodyFromText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { indexPaper, isAnswered, keyToAction, optionLabel, paletteCounts } from './exam-navigation';

const stem = itemBodyFromText('题干');
const opt = (id: 'A' | 'B' | 'C' | 'D' | 'E') => ({ id, content: itemBodyFromText(id) });
const tf: CandidatePaperItem = {
  type: 'true_false',
  itemId: 't1',
  version: 1,
  number: 1,
  points: 0.5,
  stem,
};
const sc: CandidatePaperItem = {
  type: 'single_choice',
  itemId: 's1',
  version: 1,
  number: 2,
  points: 0.5,
  stem,
  options: [opt('A'), opt('B'), opt('C'), opt('D')],
};
const mc: CandidatePaperItem = {
  type: 'multiple_choice',
  itemId: 'm1',
  version: 1,
  number: 3,
  points: 1,
  stem,
  options: [opt('A'), opt('B'), opt('C'), opt('D'), opt('E')],
};
const fb: CandidatePaperItem = {
  type: 'fill_blank',
  itemId: 'f1',
  version: 1,
  number: 4,
  points: 1,
  stem,
};
const plain = { ctrl: false, alt: false, meta: false, inTextField: false };

describe('indexPaper and paletteCounts', () => {
  const paper = {
    paperId: 'p',
    title: 't',
    durationMinutes: 90,
    fullMarks: 3,
    sections: [
      { title: '判断', itemType: 'true_false' as const, pointsEach: 0.5, items: [tf] },
      { title: '选择', itemType: 'single_choice' as const, pointsEach: 0.5, items: [sc, mc] },
    ],
  };

  it('flattens sections in order and remembers where each starts', () => {
    const index = indexPaper(paper);
    expect(index.items.map((f) => [f.item.itemId, f.sectionIndex, f.index])).toEqual([
      ['t1', 0, 0],
      ['s1', 1, 1],
      ['m1', 1, 2],
    ]);
    expect(index.sectionStarts).toEqual([0, 1]);
    expect(index.byId.get('m1')?.index).toBe(2);
  });

  it('counts answered, unanswered and flagged items', () => {
    const index = indexPaper(paper);
    const answers = new Map([
      ['t1', { kind: 'true_false' as const, value: false }],
      ['m1', { kind: 'choice' as const, selected: [] }],
    ]);
    expect(paletteCounts(index, answers, new Set(['s1', 'gone']))).toEqual({
      total: 3,
      answered: 1,
      unanswered: 2,
      flagged: 1,
    });
  });

  it.each([
    [undefined, false],
    [null, false],
    [{ kind: 'true_false' as const, value: false }, true],
    [{ kind: 'choice' as const, selected: [] }, false],
    [{ kind: 'blanks' as const, values: { b1: '  ' } }, false],
    [{ kind: 'blanks' as const, values: { b1: '', b2: '接地' } }, true],
    [{ kind: 'text' as const, text: '\n' }, false],
  ])('isAnswered(%j) = %s', (value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});

describe('keyToAction', () => {
  it('navigates with arrows, PageUp/PageDown and Enter, and flags with M', () => {
    expect(keyToAction('ArrowLeft', sc, undefined, plain)).toEqual({ type: 'previous' });
    expect(keyToAction('ArrowRight', sc, undefined, plain)).toEqual({ type: 'next' });
    expect(keyToAction('Enter', sc, undefined, plain)).toEqual({ type: 'next' });
    expect(keyToAction('m', sc, undefined, plain)).toEqual({ type: 'toggleFlag' });
  });

  it('answers true/false with T/F and 1/2', () => {
    expect(keyToAction('t', tf, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'true_false', value: true },
    });
    expect(keyToAction('F', tf, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'true_false', value: false },
    });
    expect(keyToAction('2', tf, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'true_false', value: false },
    });
    expect(keyToAction('a', tf, undefined, plain)).toBeUndefined();
  });

  it('chooses single-choice options with letters or digits, only those that exist', () => {
    expect(keyToAction('c', sc, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'choice', selected: ['C'] },
    });
    expect(keyToAction('4', sc, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'choice', selected: ['D'] },
    });
    expect(keyToAction('E', sc, undefined, plain)).toBeUndefined();
    expect(keyToAction('5', sc, undefined, plain)).toBeUndefined();
  });

  it('follows the order shown when options are shuffled per candidate (ids stay canonical)', () => {
    const shuffled = { ...sc, options: [opt('C'), opt('A'), opt('D'), opt('B')] };
    expect(keyToAction('a', shuffled, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'choice', selected: ['C'] },
    });
    expect(keyToAction('4', shuffled, undefined, plain)).toEqual({
      type: 'answer',
      value: { kind: 'choice', selected: ['B'] },
    });
    expect([0, 1, 2, 3, 6].map(optionLabel)).toEqual(['A', 'B', 'C', 'D', '7']);
  });

  it('toggles multiple-choice options and keeps them sorted', () => {
    const once = keyToAction('C', mc, undefined, plain);
    expect(once).toEqual({ type: 'answer', value: { kind: 'choice', selected: ['C'] } });
    const twice = keyToAction('a', mc, { kind: 'choice', selected: ['C'] }, plain);
    expect(twice).toEqual({ type: 'answer', value: { kind: 'choice', selected: ['A', 'C'] } });
    expect(keyToAction('c', mc, { kind: 'choice', selected: ['A', 'C'] }, plain)).toEqual({
      type: 'answer',
      value: { kind: 'choice', selected: ['A'] },
    });
  });

  it('leaves keys typed into a text field alone (input methods), except Alt+arrows', () => {
    const inField = { ...plain, inTextField: true };
    expect(keyToAction('a', sc, undefined, inField)).toBeUndefined();
    expect(keyToAction('ArrowRight', fb, undefined, inField)).toBeUndefined();
    expect(keyToAction('ArrowRight', fb, undefined, { ...inField, alt: true })).toEqual({
      type: 'next',
    });
  });

  it('ignores shortcuts with Ctrl or ⌘', () => {
    expect(keyToAction('c', sc, undefined, { ...plain, ctrl: true })).toBeUndefined();
    expect(keyToAction('ArrowRight', sc, undefined, { ...plain, meta: true })).toBeUndefined();
  });
});
