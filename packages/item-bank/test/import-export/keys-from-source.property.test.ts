import { toPlainText } from '@skillexam/shared';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import type { ItemFileFormat, ParsedItem } from '../../src/import-export/item-file-types';
import { makeXlsx } from './support/make-sheet';

/*
 * The import property: no import path produces a key that is not in the source.
 * Random banks are written in each source layout by hand (not by our writers), with option
 * texts chosen to trip the readers (Latin capitals, "B相", "380V", letters followed by points),
 * and random GIFT/Moodle weights. For every question the importer either produces exactly the
 * source's correct options (compared by option text) or refuses that question with an error that
 * names it; it never drops one silently and never invents a key.
 */

const OPTION_POOL = [
  '电磁抱闸制动器',
  '熔断器',
  '指示灯',
  '速度继电器',
  '交流接触器KM',
  'B相绝缘',
  '380V',
  '220V',
  'PE线',
  'A级绝缘材料',
  '热继电器FR',
  '漏电保护器',
  '+5 V 电源',
  '-5 V 电源',
  'α 射线',
  'β 射线',
  '停电、验电、挂接地线',
  'C.O.P. 值',
];
const STEM_POOL = [
  '下列属于低压电器的是（ ）',
  '三相异步电动机的制动方式中，能耗制动需要（ ）',
  '关于安全用电，下列说法正确的是（ ）',
  '电工作业前必须做到（ ）',
  '电路中电流方向规定为（ ）',
];
const DIGITS = '零一二三四五六七八九';

/** A unique, numbering-free suffix so every stem can be found again. */
const tagOf = (index: number) =>
  `（编${String(index)
    .split('')
    .map((digit) => DIGITS[Number(digit)])
    .join('')}）`;

interface SourceQuestion {
  readonly stem: string;
  readonly options: readonly string[];
  /** Moodle/GIFT style weights in percent; a table's key is the options with weight > 0. */
  readonly weights: readonly number[];
  readonly trueFalse?: boolean;
}

const questionArb = (index: number) =>
  fc.oneof(
    fc
      .record({
        stem: fc.constantFrom(...STEM_POOL),
        options: fc.uniqueArray(fc.constantFrom(...OPTION_POOL), { minLength: 3, maxLength: 6 }),
        pick: fc.array(fc.constantFrom(100, 50, 33.33333, 25, 0, -50, -100, 20, 80), {
          minLength: 6,
          maxLength: 6,
        }),
      })
      .map(({ stem, options, pick }) => ({
        stem: `${stem}${tagOf(index)}`,
        options,
        weights: options.map((_, at) => pick[at] ?? 0),
      })),
    fc.boolean().map((value) => ({
      stem: `停电检修时应先验电后挂接地线${tagOf(index)}`,
      options: [],
      weights: [],
      trueFalse: value,
    })),
  );

const bankArb = fc
  .integer({ min: 1, max: 8 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => questionArb(index))))
  .map((questions) => questions as SourceQuestion[]);

const LETTERS = 'ABCDEF';
const correctTexts = (q: SourceQuestion) =>
  q.options.filter((_, at) => (q.weights[at] ?? 0) > 0).sort();

function keyTexts(item: ParsedItem): string[] | boolean {
  const content = item.content;
  if (content.type === 'true_false') return content.key;
  if (content.type !== 'single_choice' && content.type !== 'multiple_choice') return [];
  const keys: readonly string[] = content.type === 'single_choice' ? [content.key] : content.key;
  return content.options
    .filter((option) => keys.includes(option.id))
    .map((option) => toPlainText(option.content))
    .sort();
}

/** Table key: letters of the positive options; questions with no positive option get none. */
function tableKey(q: SourceQuestion): string {
  if (q.trueFalse !== undefined) return q.trueFalse ? '√' : '×';
  return q.options.map((_, at) => ((q.weights[at] ?? 0) > 0 ? LETTERS[at] : '')).join('');
}

const oneCellStyles = [
  (options: readonly string[]) => options.map((text, at) => `${LETTERS[at]}.${text}`).join(''),
  (options: readonly string[]) => options.map((text, at) => `${LETTERS[at]}、${text}`).join(' '),
  (options: readonly string[]) => options.map((text, at) => `(${LETTERS[at]})${text}`).join(''),
  (options: readonly string[]) => options.map((text, at) => `${LETTERS[at]}．${text}`).join('\n'),
];

function tableRows(bank: readonly SourceQuestion[], style: number): string[][] {
  const rows = [['试题类型', '题目内容', '题目选项', '题目答案']];
  for (const q of bank) {
    const key = tableKey(q);
    const type = q.trueFalse !== undefined ? '判断题' : key.length > 1 ? '多选题' : '单选题';
    const join = oneCellStyles[style % oneCellStyles.length] ?? oneCellStyles[0];
    rows.push([type, q.stem, q.trueFalse !== undefined ? '' : (join?.(q.options) ?? ''), key]);
  }
  return rows;
}

const csvCell = (text: string) => `"${text.replace(/"/g, '""')}"`;

function giftOf(bank: readonly SourceQuestion[]): string {
  return bank
    .map((q, at) => {
      const name = `::Q${at}::`;
      if (q.trueFalse !== undefined) return `${name}${q.stem}{${q.trueFalse ? 'T' : 'F'}}`;
      // `=` marks the right answer among `~` ones; answers that are all `=` are GIFT's short
      // answer, not a choice question, so a question without a wrong option writes `~%100%`.
      const choice = q.weights.some((weight) => weight !== 100);
      const answers = q.options.map((text, index) => {
        const weight = q.weights[index] ?? 0;
        if (weight === 100) return choice ? `=${text}` : `~%100%${text}`;
        return weight === 0 ? `~${text}` : `~%${weight}%${text}`;
      });
      return `${name}${q.stem}{\n${answers.join('\n')}\n}`;
    })
    .join('\n\n');
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function moodleOf(bank: readonly SourceQuestion[]): string {
  const questions = bank.map((q, at) => {
    const head = `<name><text>Q${at}</text></name><questiontext format="plain_text"><text>${xmlText(q.stem)}</text></questiontext>`;
    if (q.trueFalse !== undefined) {
      return `<question type="truefalse">${head}<answer fraction="${q.trueFalse ? 100 : 0}"><text>true</text></answer><answer fraction="${q.trueFalse ? 0 : 100}"><text>false</text></answer></question>`;
    }
    const single = q.weights.filter((weight) => weight > 0).length <= 1;
    const answers = q.options
      .map(
        (text, index) =>
          `<answer fraction="${q.weights[index] ?? 0}"><text>${xmlText(text)}</text></answer>`,
      )
      .join('');
    return `<question type="multichoice">${head}<single>${single}</single>${answers}</question>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><quiz>${questions.join('')}</quiz>`;
}

async function sourceBytes(
  format: string,
  bank: readonly SourceQuestion[],
  style: number,
): Promise<{ bytes: Uint8Array; fileName: string; format: ItemFileFormat }> {
  switch (format) {
    case 'xlsx':
      return { bytes: await makeXlsx(tableRows(bank, style)), fileName: 'bank.xlsx', format };
    case 'csv-gbk': {
      const text = tableRows(bank, style)
        .map((row) => row.map(csvCell).join(','))
        .join('\r\n');
      return { bytes: iconv.encode(text, 'gbk'), fileName: 'bank.csv', format: 'csv' };
    }
    case 'gift':
      return { bytes: new TextEncoder().encode(giftOf(bank)), fileName: 'bank.gift', format };
    default:
      return {
        bytes: new TextEncoder().encode(moodleOf(bank)),
        fileName: 'bank.xml',
        format: 'moodle',
      };
  }
}

describe('no import path produces a key that is not in the source', () => {
  for (const format of ['xlsx', 'csv-gbk', 'gift', 'moodle']) {
    it(`${format}: every question keeps its source key or is refused by name`, async () => {
      await fc.assert(
        fc.asyncProperty(bankArb, fc.nat(3), async (bank, style) => {
          const source = await sourceBytes(format, bank, style);
          const file = await parseItemFile(source.bytes, {
            fileName: source.fileName,
            format: source.format,
          });
          const errors = file.issues.filter((issue) => issue.severity === 'error');
          for (const [index, q] of bank.entries()) {
            const tag = tagOf(index);
            const item = file.items.find((parsed) =>
              toPlainText(parsed.content.stem).includes(tag),
            );
            if (item === undefined) {
              // Refused: an error must name this question (its row or its GIFT/Moodle name).
              const row = index + 2;
              const named = errors.some(
                (issue) =>
                  issue.row === row ||
                  (issue.item ?? '').includes(`Q${index}`) ||
                  issue.reason.includes(`Q${index}`) ||
                  (issue.line !== undefined && (format === 'gift' || format === 'moodle')),
              );
              expect(named, `question ${index} vanished without an error`).toBe(true);
              continue;
            }
            const imported = keyTexts(item);
            if (q.trueFalse !== undefined) {
              expect(imported).toBe(q.trueFalse);
              continue;
            }
            expect(imported).toEqual(correctTexts(q));
            if (format === 'gift' || format === 'moodle') {
              // Only exactly representable weights import: the correct options weigh the same
              // and together make 100 %.
              const positive = q.weights.filter((weight) => weight > 0);
              expect(new Set(positive).size).toBe(1);
              const sum = positive.reduce((total, weight) => total + weight, 0);
              expect(Math.abs(sum - 100)).toBeLessThan(0.01);
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }
});
