import type { AcceptedAnswer } from './item-content';
import type { NumericAnswer } from './numeric-answer';

/*
 * The written form of a 填空 accepted answer, the same in spreadsheet/CSV key cells and in the
 * authoring editor: a text answer is written as itself; a numeric answer starts with `数值：`
 * (or `数值:`) followed by its display form:
 *
 *   数值：4            exactly 4 (4, 4.0, ４．０ are all right)
 *   数值：4 ±0.2       3.8 … 4.2
 *   数值：4 ±5%        within 5 % of 4
 *   数值：3.14（保留2位小数）   equal after rounding to 2 decimal places
 *   数值：0.052（2位有效数字）  equal after rounding to 2 significant figures
 *
 * A leading `=` is not used: Excel reads `=4±0.2` as a broken formula and `=4` as the formula
 * whose value is the text 4. `±` may also be typed `+-` or `+/-`; spaces are free.
 */

export const NUMERIC_ANSWER_PREFIX = '数值：';
const PREFIX = /^\s*数值\s*[:：]/u;
const NUMBER = String.raw`[+\-−－]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?`;
const TOLERANCE = new RegExp(String.raw`^(${NUMBER})(?:(?:±|\+-|\+/-)(${NUMBER})(%?))?$`, 'u');
const ROUNDING = new RegExp(String.raw`^(${NUMBER})\((?:保留)?(\d+)位(小数|有效数字)\)$`, 'u');

export const NUMERIC_ANSWER_SYNTAX =
  '数值：4、数值：4 ±0.2、数值：4 ±5%、数值：3.14（保留2位小数）或 数值：3.1（2位有效数字）';

/** How a numeric answer is shown to writers and reviewers: `4`, `4 ±0.2`, `4 ±5%`, … */
export function describeNumericAnswer(answer: NumericAnswer): string {
  const number = String(answer.number);
  switch (answer.mode) {
    case 'absolute':
      return answer.tolerance === 0 ? number : `${number} ±${String(answer.tolerance)}`;
    case 'relative':
      return `${number} ±${String(answer.tolerance)}%`;
    case 'decimal_places':
      return `${number}（保留${String(answer.figures)}位小数）`;
    case 'significant_figures':
      return `${number}（${String(answer.figures)}位有效数字）`;
  }
}

/** How an accepted answer is shown: a text as itself, a number as `describeNumericAnswer`. */
export function describeAcceptedAnswer(answer: AcceptedAnswer): string {
  return typeof answer === 'string' ? answer : describeNumericAnswer(answer);
}

/** The written form that `parseAcceptedAnswerText` reads back to the same answer. */
export function acceptedAnswerText(answer: AcceptedAnswer): string {
  return typeof answer === 'string'
    ? answer
    : `${NUMERIC_ANSWER_PREFIX}${describeNumericAnswer(answer)}`;
}

export function isNumericAnswerText(text: string): boolean {
  return PREFIX.test(text);
}

function toNumber(text: string): number | undefined {
  const cleaned = text.replace(/[−－]/g, '-');
  if (cleaned.includes(',') && !/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(cleaned)) {
    return undefined;
  }
  const value = Number(cleaned.replace(/,/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

function parseNumeric(body: string): NumericAnswer | undefined {
  const text = body.normalize('NFKC').replace(/\s+/gu, '');
  const rounding = ROUNDING.exec(text);
  if (rounding !== null) {
    const [, numberText = '', figuresText = '', kind] = rounding;
    const number = toNumber(numberText);
    const figures = Number(figuresText);
    if (number === undefined || figures > 15) return undefined;
    if (kind === '小数') return { number, figures, mode: 'decimal_places' };
    return figures >= 1 ? { number, figures, mode: 'significant_figures' } : undefined;
  }
  const match = TOLERANCE.exec(text);
  if (match === null) return undefined;
  const [, numberText = '', toleranceText, percent] = match;
  const number = toNumber(numberText);
  const tolerance = toleranceText === undefined ? 0 : toNumber(toleranceText);
  if (number === undefined || tolerance === undefined || tolerance < 0) return undefined;
  return { number, tolerance, mode: percent === '%' ? 'relative' : 'absolute' };
}

export type AcceptedAnswerTextResult =
  { ok: true; value: AcceptedAnswer } | { ok: false; reason: string };

/** One accepted answer as written; `数值：…` that does not parse is an error, never a text. */
export function parseAcceptedAnswerText(text: string): AcceptedAnswerTextResult {
  const trimmed = text.trim();
  const prefix = PREFIX.exec(trimmed);
  if (prefix === null) return { ok: true, value: trimmed };
  const numeric = parseNumeric(trimmed.slice(prefix[0].length));
  if (numeric === undefined) {
    return {
      ok: false,
      reason: `数值答案“${trimmed}”写法不对，应写作 ${NUMERIC_ANSWER_SYNTAX}`,
    };
  }
  return { ok: true, value: numeric };
}
