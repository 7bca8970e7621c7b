import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalOf, readNumberInput } from './read-number-input';

describe('readNumberInput', () => {
  it.each([
    ['4', 4, '4', 0],
    ['4.0', 4, '4', 0],
    ['４．０', 4, '4', 0],
    ['  4.00 ', 4, '4', 0],
    ['4e0', 4, '4', 0],
    ['1.25E-3', 0.00125, '125', -5],
    ['.5', 0.5, '5', -1],
    ['4.', 4, '4', 0],
    ['12,345.6', 12345.6, '123456', -1],
    ['2 200', 2200, '22', 2],
    ['−0.0', 0, '0', 0],
  ])('%j → %d', (text, value, digits, exponent) => {
    expect(readNumberInput(text)).toMatchObject({ value, digits, exponent });
  });

  it.each(['3,5', '1,00', '4V', '½', '1/2', '5%', '', '.', '+', '4e', '4e99999', '0x10', 'NaN'])(
    '%j is not a number',
    (text) => {
      expect(readNumberInput(text)).toBeUndefined();
    },
  );

  it('reads back every finite double from its JavaScript text exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (number) => {
        expect(decimalOf(number).value).toBe(number === 0 ? 0 : number);
      }),
      { numRuns: 300 },
    );
  });
});
