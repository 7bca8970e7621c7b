import { describe, expect, it } from 'vitest';
import { blank, itemBody, paragraph } from '../content/builders';
import { ItemContentSchema } from './item-content';

const fillBlank = (key: unknown) => ({
  type: 'fill_blank',
  stem: itemBody(paragraph('电阻 R=8 V/2 A=', blank('b1'), 'Ω。')),
  assessmentPointId: 'point-A-B-001',
  level: 4,
  difficulty: 3,
  key,
});

function messagesOf(key: unknown): string[] {
  const result = ItemContentSchema.safeParse(fillBlank(key));
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('ItemContentSchema: numeric accepted answers', () => {
  it('keeps string answers valid, accepts numbers with a tolerance, rejects malformed ones', () => {
    expect(messagesOf({ b1: ['4', '四'] })).toEqual([]);
    for (const answer of [
      { number: 4, tolerance: 0.2, mode: 'absolute' },
      { number: 4, tolerance: 5, mode: 'relative' },
      { number: 4, tolerance: 0, mode: 'absolute' },
      { number: 3.14, figures: 2, mode: 'decimal_places' },
      { number: 0.052, figures: 2, mode: 'significant_figures' },
    ]) {
      expect(messagesOf({ b1: [answer] }), JSON.stringify(answer)).toEqual([]);
    }
    const parsed = ItemContentSchema.parse(
      fillBlank({ b1: [{ number: 4, tolerance: 0.2, mode: 'absolute' }] }),
    );
    expect(JSON.stringify(parsed.key)).toBe(
      '{"b1":[{"number":4,"tolerance":0.2,"mode":"absolute"}]}',
    );
    expect(messagesOf({ b1: [{ number: 4, tolerance: -1, mode: 'absolute' }] })).not.toEqual([]);
    expect(messagesOf({ b1: [{ number: 4, tolerance: Infinity, mode: 'relative' }] })).not.toEqual(
      [],
    );
    expect(messagesOf({ b1: [{ number: NaN, tolerance: 0, mode: 'absolute' }] })).not.toEqual([]);
    expect(messagesOf({ b1: [{ number: 4, tolerance: 0, mode: 'percent' }] })).not.toEqual([]);
    expect(
      messagesOf({ b1: [{ number: 4, tolerance: 0, mode: 'absolute', unit: 'Ω' }] }),
    ).not.toEqual([]);
    expect(
      messagesOf({ b1: [{ number: 4, figures: 0, mode: 'significant_figures' }] }),
    ).not.toEqual([]);
  });

  it('a blank accepts either texts or numbers, not both', () => {
    expect(messagesOf({ b1: ['四', { number: 4, tolerance: 0, mode: 'absolute' }] })).toEqual([
      'Blank "b1" mixes text and numeric answers; a blank accepts either texts or numbers',
    ]);
  });
});
