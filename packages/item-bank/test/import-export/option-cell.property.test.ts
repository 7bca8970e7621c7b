import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitOptionCell } from '../../src/import-export/option-cell';

/*
 * Property: whatever the option texts (Latin capitals, units, numbers, punctuation that looks
 * like a marker) and whatever the separator style, splitting the written cell gives back exactly
 * the options that were written, or refuses the cell, or — only when the cell is literally what
 * the same markers and separator would give for another list — that list. A key letter can then
 * never point at an option the cell does not plainly show. In a run-on cell of four or more
 * options even that is not enough (`…D.含维生素E.等` reads as A–D and as A–E): the cell is
 * refused. Lines numbered by the writer with a letter skipped, repeated or out of order are
 * refused, never renumbered.
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
  '维生素E.等',
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

/** Option texts without Latin capitals or marker punctuation. */
const plainText = fc.constantFrom(
  '熔断器',
  '交流接触器',
  '二氧化碳',
  '正确',
  '绝缘手套',
  '漏电保护器',
);

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
          expect(separator === '' && options.length >= 4).toBe(false);
          expect(render(texts, mark, separator)).toBe(cell);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts most cells written with plain option texts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(plainText, { minLength: 2, maxLength: 6 }),
        fc.integer({ min: 0, max: styles.length - 1 }),
        fc.constantFrom(...separators),
        (options, styleIndex, separator) => {
          const mark = styles[styleIndex] ?? styles[0];
          if (mark === undefined) return;
          const result = splitOptionCell(render(options, mark, separator));
          if (result.ok) accepted += 1;
        },
      ),
      { numRuns: 500 },
    );
    // Refused: only run-on cells of five or six options (they also read as four).
    expect(accepted).toBeGreaterThan(500 * 0.6);
  });

  it('never renumbers lines whose letters skip, repeat or run backwards', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: LETTERS.length - 1 }), optionText), {
          minLength: 2,
          maxLength: 6,
        }),
        fc.integer({ min: 0, max: styles.length - 1 }),
        fc.constantFrom('\n', '\t', '\r\n'),
        (lines, styleIndex, separator) => {
          const mark = styles[styleIndex] ?? styles[0];
          if (mark === undefined) return;
          const cell = lines
            .map(([letter, text]) => `${mark(LETTERS[letter] ?? 'A')}${text}`)
            .join(separator)
            .replace(/\r\n/g, '\n');
          const result = splitOptionCell(cell);
          const inOrder = lines.every(([letter], index) => letter === index);
          if (!inOrder) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) return;
          // Every option keeps the letter its line was written with.
          for (const [index, option] of result.options.entries()) {
            expect(option.id).toBe(LETTERS[index]);
          }
          expect(result.options).toHaveLength(lines.length);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
