import { describe, expect, it } from 'vitest';
import { chineseIdCheckChar, isValidChineseIdNumber, maskIdNumber } from './chinese-id-number';

describe('isValidChineseIdNumber', () => {
  it.each([
    '11010519491231002X', // the example in GB 11643-1999
    '11010519491231002x',
    '440524188001010014',
    '110101199003071234'.slice(0, 17) + chineseIdCheckChar('11010119900307123'),
  ])('accepts %s', (id) => {
    expect(isValidChineseIdNumber(id)).toBe(true);
  });

  it.each([
    ['a wrong check character', '110105194912310021'],
    ['a changed digit', '11010519491231003X'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002XX'],
    ['an X in the middle', '1101051949X231002X'],
    ['a 15-digit legacy number', '110105491231002'],
    ['spaces', ' 11010519491231002X'],
  ])('rejects %s', (_name, id) => {
    expect(isValidChineseIdNumber(id)).toBe(false);
  });

  it('computes the check character with the GB 11643 weights', () => {
    expect(chineseIdCheckChar('11010519491231002')).toBe('X');
    expect(chineseIdCheckChar('44052418800101001')).toBe('4');
    expect(chineseIdCheckChar('1234')).toBeUndefined();
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks short input completely', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('')).toBe('');
  });
});
