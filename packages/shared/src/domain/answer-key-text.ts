import { toPlainText } from '../content/document-queries';
import type { ItemBody } from '../content/item-body';
import { acceptedAnswerText, describeAcceptedAnswer } from './accepted-answer-text';
import type { ItemContent } from './item-content';

/*
 * The one formatter of an answer key as text. Every place that shows a key (answer sheet,
 * printed 标准答案, version history, review queue, spreadsheet export, duplicate messages)
 * formats the same way and differs only in its style: how 填空 blanks are labelled and
 * separated, whether numbers read as shown (`4 ±0.2`) or as written in a file (`数值：4 ±0.2`),
 * and what a 简答 key shows.
 */

/** The key of any item-like value: a bank item's content or a packaged `ItemAnswerKey`. */
export type AnswerKeyOf = ItemContent extends infer C
  ? C extends { type: infer T; key: infer K }
    ? { readonly type: T; readonly key: K }
    : never
  : never;

export interface AnswerKeyStyle {
  /** 多选 letters sorted A→F, or as stored. */
  readonly sortLetters: boolean;
  /** 填空 blanks in stored order, or sorted by blank id. */
  readonly blankOrder: 'stored' | 'by-id';
  /** Each blank's label: `(1) ` numbered, `b1: ` by id, or none. */
  readonly blankLabel: 'numbered' | 'id' | 'none';
  /** A numeric answer as shown to people (`4 ±0.2`) or as written in a file (`数值：4 ±0.2`). */
  readonly answerForm: 'shown' | 'written';
  /** Between the accepted answers of one blank. */
  readonly answerSeparator: string;
  /** Between blanks. */
  readonly blankSeparator: string;
  /** What a 简答 key shows: a fixed text, or its reference answer as text. */
  readonly shortAnswer: string | ((referenceAnswer: ItemBody) => string);
}

/** The styles in use, by the place that shows the key. */
export const ANSWER_KEY_STYLES = {
  /** Scored answer sheets and result exports: `(1) 220 / 220V；(2) 380`, 简答 marked by people. */
  answerSheet: {
    sortLetters: true,
    blankOrder: 'stored',
    blankLabel: 'numbered',
    answerForm: 'shown',
    answerSeparator: ' / ',
    blankSeparator: '；',
    shortAnswer: '（人工评分）',
  },
  /** The printed 标准答案: `220 / 220V；380`, 简答 as its reference answer. */
  printedKey: {
    sortLetters: true,
    blankOrder: 'stored',
    blankLabel: 'none',
    answerForm: 'shown',
    answerSeparator: ' / ',
    blankSeparator: '；',
    shortAnswer: toPlainText,
  },
  /** Version history text: `b1: 220 | 220V; b2: 380`, letters as stored. */
  history: {
    sortLetters: false,
    blankOrder: 'stored',
    blankLabel: 'id',
    answerForm: 'shown',
    answerSeparator: ' | ',
    blankSeparator: '; ',
    shortAnswer: toPlainText,
  },
  /** The review queue's key line: `b1: 220 | 220V；b2: 380`; a 简答 key is shown as a document. */
  review: {
    sortLetters: false,
    blankOrder: 'stored',
    blankLabel: 'id',
    answerForm: 'shown',
    answerSeparator: ' | ',
    blankSeparator: '；',
    shortAnswer: '',
  },
  /**
   * A spreadsheet key cell, read back by the importer: `220|220V；数值：380 ±5`. 简答 here is
   * plain text; the file writers put their rich-text cell writer in its place.
   */
  cell: {
    sortLetters: true,
    blankOrder: 'stored',
    blankLabel: 'none',
    answerForm: 'written',
    answerSeparator: '|',
    blankSeparator: '；',
    shortAnswer: toPlainText,
  },
  /** Duplicate-import messages: blanks by id, `220/220V；380`, 简答 cut at 20 characters. */
  message: {
    sortLetters: true,
    blankOrder: 'by-id',
    blankLabel: 'none',
    answerForm: 'written',
    answerSeparator: '/',
    blankSeparator: '；',
    shortAnswer: (referenceAnswer: ItemBody) => {
      const text = toPlainText(referenceAnswer).trim();
      return text.length > 20 ? `${text.slice(0, 20)}…` : text;
    },
  },
} as const satisfies Record<string, AnswerKeyStyle>;

function blankLabel(style: AnswerKeyStyle, blankId: string, index: number): string {
  switch (style.blankLabel) {
    case 'numbered':
      return `(${index + 1}) `;
    case 'id':
      return `${blankId}: `;
    case 'none':
      return '';
  }
}

/** An answer key as text, in the given style. */
export function formatAnswerKey(key: AnswerKeyOf, style: AnswerKeyStyle): string {
  switch (key.type) {
    case 'true_false':
      return key.key ? '√' : '×';
    case 'single_choice':
      return key.key;
    case 'multiple_choice':
      return (style.sortLetters ? [...key.key].sort() : key.key).join('');
    case 'fill_blank': {
      const answerText = style.answerForm === 'shown' ? describeAcceptedAnswer : acceptedAnswerText;
      const blanks = Object.entries(key.key);
      if (style.blankOrder === 'by-id') blanks.sort(([a], [b]) => a.localeCompare(b));
      return blanks
        .map(
          ([blankId, answers], index) =>
            blankLabel(style, blankId, index) + answers.map(answerText).join(style.answerSeparator),
        )
        .join(style.blankSeparator);
    }
    case 'short_answer':
      return typeof style.shortAnswer === 'string'
        ? style.shortAnswer
        : style.shortAnswer(key.key.referenceAnswer);
  }
}
