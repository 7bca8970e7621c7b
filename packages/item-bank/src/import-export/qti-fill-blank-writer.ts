import { escapeHtml, type AcceptedAnswer, type NumericAnswer } from '@skillexam/shared';
import { BLANK_RESPONSE_PREFIX } from './qti-format';

/*
 * The QTI 3.0 response declarations and response processing of a 填空 item. A text blank is a
 * string response with its first answer as correct response and every answer in a mapping
 * (full credit). A numeric blank is a float response whose rule adds 1 to SCORE when the
 * response equals one of its numbers: `qti-equal` (exact, or an absolute/relative tolerance
 * written as "t t") or `qti-equal-rounded` (decimalPlaces / significantFigures). Items with only
 * text blanks keep the standard map_response template. qti-text-entry-key.ts reads both back.
 */

type FillBlankKey = Readonly<Record<string, readonly AcceptedAnswer[]>>;

const attr = (value: string | number) => escapeHtml(String(value));
const responseId = (blankId: string) => `${BLANK_RESPONSE_PREFIX}${blankId}`;

function numbersOf(answers: readonly AcceptedAnswer[]): NumericAnswer[] {
  return answers.filter((answer): answer is NumericAnswer => typeof answer !== 'string');
}

function isNumericBlank(answers: readonly AcceptedAnswer[]): boolean {
  return answers.length > 0 && numbersOf(answers).length === answers.length;
}

export function hasNumericBlank(key: FillBlankKey): boolean {
  return Object.values(key).some(isNumericBlank);
}

function value(text: string): string {
  return `<qti-value>${escapeHtml(text)}</qti-value>`;
}

export function fillBlankDeclarations(key: FillBlankKey): string {
  return Object.entries(key)
    .map(([blankId, answers]) => {
      const id = attr(responseId(blankId));
      if (isNumericBlank(answers)) {
        const [first] = numbersOf(answers);
        const correct = first === undefined ? '' : value(String(first.number));
        return `<qti-response-declaration identifier="${id}" cardinality="single" base-type="float"><qti-correct-response>${correct}</qti-correct-response></qti-response-declaration>`;
      }
      const texts = answers.filter((answer): answer is string => typeof answer === 'string');
      const entries = texts
        .map((answer) => `<qti-map-entry map-key="${attr(answer)}" mapped-value="1"/>`)
        .join('');
      return `<qti-response-declaration identifier="${id}" cardinality="single" base-type="string"><qti-correct-response>${value(texts[0] ?? '')}</qti-correct-response><qti-mapping default-value="0">${entries}</qti-mapping></qti-response-declaration>`;
    })
    .join('');
}

function numericTest(id: string, answer: NumericAnswer): string {
  const operands = `<qti-variable identifier="${id}"/><qti-base-value base-type="float">${String(answer.number)}</qti-base-value>`;
  switch (answer.mode) {
    case 'absolute':
    case 'relative': {
      if (answer.mode === 'absolute' && answer.tolerance === 0) {
        return `<qti-equal tolerance-mode="exact">${operands}</qti-equal>`;
      }
      const tolerance = String(answer.tolerance);
      return `<qti-equal tolerance-mode="${answer.mode}" tolerance="${tolerance} ${tolerance}">${operands}</qti-equal>`;
    }
    case 'decimal_places':
    case 'significant_figures': {
      const mode = answer.mode === 'decimal_places' ? 'decimalPlaces' : 'significantFigures';
      return `<qti-equal-rounded rounding-mode="${mode}" figures="${String(answer.figures)}">${operands}</qti-equal-rounded>`;
    }
  }
}

const ADD_TO_SCORE = (points: string) =>
  `<qti-set-outcome-value identifier="SCORE"><qti-sum><qti-variable identifier="SCORE"/>${points}</qti-sum></qti-set-outcome-value>`;

/** Response processing for items with a numeric blank; other items use map_response. */
export function fillBlankProcessing(key: FillBlankKey): string {
  const rules = Object.entries(key).map(([blankId, answers]) => {
    const id = attr(responseId(blankId));
    if (!isNumericBlank(answers)) return ADD_TO_SCORE(`<qti-map-response identifier="${id}"/>`);
    const tests = numbersOf(answers).map((answer) => numericTest(id, answer));
    const condition = tests.length === 1 ? (tests[0] ?? '') : `<qti-or>${tests.join('')}</qti-or>`;
    return `<qti-response-condition><qti-response-if>${condition}${ADD_TO_SCORE('<qti-base-value base-type="float">1</qti-base-value>')}</qti-response-if></qti-response-condition>`;
  });
  return `<qti-response-processing>${rules.join('')}</qti-response-processing>`;
}
