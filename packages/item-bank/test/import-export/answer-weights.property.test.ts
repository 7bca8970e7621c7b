import fc from 'fast-check';
import { toPlainText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile, type ParsedItemFile } from '../../src/import-export/index';

/*
 * For random answer-weight vectors written as GIFT and as Moodle XML: the imported key (if any)
 * is exactly the set of options with a positive weight, and the question is imported only when
 * the bank holds the weights exactly (one 100 % option, or k ≥ 2 options of 100/k % each, every
 * other option ≤ 0). Otherwise it is one error naming the question's line.
 */

const encode = (text: string) => new TextEncoder().encode(text);

/** Weights Moodle offers in its grade menus, negative penalties included. */
const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5, 0, -5, -10, -20, -25, -33.33333, -50, -100,
];

const anyWeights = fc.array(fc.constantFrom(...MOODLE_GRADES), { minLength: 3, maxLength: 6 });

/** Vectors that often are representable: k equal shares of 100 plus non-positive distractors. */
const equalShares = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom(0, -50, -100, 0), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 0, max: 5 }),
  )
  .map(([shares, rest, rotate]) => {
    const share = [100, 50, 33.33333, 25][shares - 1] ?? 100;
    const weights = [...Array.from({ length: shares }, () => share), ...rest];
    const turn = rotate % weights.length;
    return [...weights.slice(turn), ...weights.slice(0, turn)];
  })
  .filter((weights) => weights.length >= 3 && weights.length <= 6);

const weightVectors = fc.oneof(anyWeights, equalShares);

const optionText = (index: number) => `选项${'甲乙丙丁戊己'[index] ?? index}`;

function representable(weights: readonly number[], single: boolean): boolean {
  const positive = weights.filter((weight) => weight > 0);
  if (weights.some((weight) => weight > 100.001)) return false;
  if (single) return positive.length === 1 && Math.abs((positive[0] ?? 0) - 100) < 0.01;
  const share = 100 / positive.length;
  return positive.length >= 2 && positive.every((weight) => Math.abs(weight - share) < 0.01);
}

function keyTexts(file: ParsedItemFile): string[] | undefined {
  const [item] = file.items;
  const content = item?.content;
  if (content === undefined) return undefined;
  if (content.type !== 'single_choice' && content.type !== 'multiple_choice')
    throw new Error(`unexpected type ${content.type}`);
  const keys: readonly string[] = content.type === 'single_choice' ? [content.key] : content.key;
  return content.options
    .filter((option) => keys.includes(option.id))
    .map((option) => toPlainText(option.content));
}

function expectOutcome(file: ParsedItemFile, weights: readonly number[], single: boolean) {
  const positiveTexts = weights.flatMap((weight, index) => (weight > 0 ? [optionText(index)] : []));
  const imported = keyTexts(file);
  if (imported !== undefined) expect(imported).toEqual(positiveTexts);
  expect(imported !== undefined).toBe(representable(weights, single));
  if (imported === undefined) {
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ line: 3, item: 'W1' }),
    ]);
  }
}

function giftOf(weights: readonly number[]): string {
  const answers = weights.map((weight, index) => `  ~%${weight}%${optionText(index)}`);
  return `// 随机权重\n\n::W1::下列说法正确的是（ ）。{\n${answers.join('\n')}\n}\n`;
}

function moodleOf(weights: readonly number[], single: boolean): string {
  const answers = weights
    .map(
      (weight, index) =>
        `    <answer fraction="${weight}" format="html"><text>${optionText(index)}</text></answer>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n  <question type="multichoice">\n    <name><text>W1</text></name>\n    <questiontext format="html"><text>下列说法正确的是（ ）。</text></questiontext>\n    <single>${single}</single>\n${answers}\n  </question>\n</quiz>\n`;
}

describe('answer weights → key (property)', () => {
  it('GIFT `~%w%` answers: key = the positive options, imported only when representable', async () => {
    await fc.assert(
      fc.asyncProperty(weightVectors, async (weights) => {
        const file = await parseItemFile(encode(giftOf(weights)), { fileName: 'w.gift' });
        expectOutcome(file, weights, false);
      }),
      { numRuns: 300 },
    );
  });

  it('GIFT with one `=` answer is a single choice: any other positive weight is reported', async () => {
    await fc.assert(
      fc.asyncProperty(weightVectors, fc.nat(), async (weights, at) => {
        const index = at % weights.length;
        const withEquals = weights.map((weight, i) => (i === index ? 100 : weight));
        const text = giftOf(withEquals).replace(
          `~%100%${optionText(index)}`,
          `=${optionText(index)}`,
        );
        const file = await parseItemFile(encode(text), { fileName: 'w.gift' });
        expectOutcome(file, withEquals, true);
      }),
      { numRuns: 200 },
    );
  });

  it('Moodle XML fractions follow the same rule, single and multiple', async () => {
    await fc.assert(
      fc.asyncProperty(weightVectors, fc.boolean(), async (weights, single) => {
        const file = await parseItemFile(encode(moodleOf(weights, single)), {
          fileName: 'w.xml',
        });
        expectOutcome(file, weights, single);
      }),
      { numRuns: 300 },
    );
  });
});
