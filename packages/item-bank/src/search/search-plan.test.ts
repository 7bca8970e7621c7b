import { describe, expect, it } from 'vitest';
import { bigramTokens } from './bigram-tokens';
import { normalizeText } from './normalize-text';
import { bigramMatch, planQuery } from './search-plan';

describe('search planning', () => {
  it('normalizes full-width text, case and spaces', () => {
    expect(normalizeText('  ＡＢＣ１２３，电缆\u3000 接地 ')).toBe('abc123,电缆 接地');
  });

  it('routes each word to the index that can answer it', () => {
    expect(planQuery('电缆')).toEqual([{ kind: 'bigram', match: '"电缆"' }]);
    expect(planQuery('电')).toEqual([{ kind: 'bigram', match: '"电"*' }]);
    expect(planQuery('接地装置 电缆')).toEqual([
      { kind: 'trigram', match: '"接地装置"', text: '接地装置' },
      { kind: 'bigram', match: '"电缆"' },
    ]);
    expect(planQuery('a%')).toEqual([{ kind: 'like', pattern: '%a\\%%' }]);
    expect(planQuery('say"hi"')).toEqual([
      { kind: 'trigram', match: '"say""hi"""', text: 'say"hi"' },
    ]);
    expect(planQuery('   ')).toEqual([]);
  });

  it('turns words into bigram-index queries', () => {
    expect(bigramMatch('电')).toBe('"电"*');
    expect(bigramMatch('电缆')).toBe('"电缆"');
    expect(bigramMatch('电缆接地')).toBe('"电缆 缆接 接地"');
    expect(bigramMatch('电,缆')).toBeUndefined();
  });

  it('writes bigram tokens per run of word characters', () => {
    expect(bigramTokens('电缆接地, ab')).toBe('电缆 缆接 接地 地 ab b');
    expect(bigramTokens('电')).toBe('电');
  });
});
