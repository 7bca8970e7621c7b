import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitOptionCell } from '../../src/import-export/option-cell';

/*
 * Property: whatever the option texts (Latin capitals, units, numbers, punctuation that looks
 * like a marker) and whatever the separator style, splitting the written cell gives back exactly
 * the options that were written, or refuses the cell, or — only when the cell is literally what
 * the same markers and separator would give for another list — that list. A key letter can then
 * never point at an option the cell does not plainly show.
 */

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Pieces of real option texts, including ones that look like markers ("E.", "C:"). */
const piece = fc.constantFrom(
  '熔断器',
  '交流接触器',
  'KM',
  'FU',
  'PE线',
  'TN-S',
  '380V',
  '3.5mm',
  '1/√3',
  '维生素C',
  'A相',
  'B类',
  'E.',
  'C:',
  '（ ）',
  'D、',
  '0<s<1',
  'IP44',
  '正确',
  '二氧化碳',
);
const optionText = fc
  .array(piece, { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join(''))
  .filter((text) => text.trim() !== '');

const styles: readonly ((letter: string) => string)[] = [
  (l) => `${l}.`,
  (l) => `${l}．`,
  (l) => `${l}、`,
  (l) => `${l}：`,
  (l) => `(${l})`,
  (l) => `（${l}）`,
  (l) => `${String.fromCharCode(l.charCodeAt(0) + 0xfee0)}．`,
];
const separators = ['', ' ', '  ', '\n', '\t', '；'];

function render(
  options: readonly string[],
  mark: (letter: string) => string,
  separator: string,
): string {
  return options.map((text, index) => `${mark(LETTERS[index] ?? 'A')}${text}`).join(separator);
}

describe('one-cell option split (property)', () => {
  it('returns exactly the written options, or refuses', () => {
    fc.assert(
      fc.property(
        fc.array(optionText, { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: styles.length - 1 }),
        fc.constantFrom(...separators),
        (options, styleIndex, separator) => {
          const mark = styles[styleIndex] ?? styles[0];
          if (mark === undefined) return;
          const cell = render(options, mark, separator);
          const result = splitOptionCell(cell);
          if (!result.ok) return;
          const texts = result.options.map((option) => option.text);
          const written = options.map((text) => text.trim().replace(/[;；,，]+$/, ''));
          if (JSON.stringify(texts) === JSON.stringify(written)) return;
          // Another reading is acceptable only when the same writer, with the same markers and
          // separator, would have written exactly this cell for it: then no reader can tell.
          expect(render(texts, mark, separator)).toBe(cell);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
