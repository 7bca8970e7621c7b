import type { NumericAnswer } from '@skillexam/shared';
import { fullCreditAnswers, type FullCreditAnswer, type WeightDecision } from './answer-weights';
import { findUnescaped, unescapeGift } from './gift-text';

/*
 * A GIFT numeric answer block (`{#…}`, the text after `#`) → numeric accepted answers of one
 * blank: `{#1822}` exact, `{#3.1415:0.0005}` value ± tolerance, `{#1..5}` a range (held as its
 * midpoint ± half its width, as Moodle stores it), `{#=1822:0 =1822.5:0.5}` several answers.
 * Every answer must earn 100 % (`=%50%1822:2` is partial credit: reported).
 */

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const WITH_TOLERANCE = new RegExp(String.raw`^(${NUMBER})(?:\s*:\s*(${NUMBER}))?$`);
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*\.\.\s*(${NUMBER})$`);

/** Rounded to 12 significant digits, so that 3.141..3.142 is 3.1415 ± 0.0005, not ±0.000499…. */
const tidy = (value: number) => Number(value.toPrecision(12));

/** One `1822`, `1822:2` or `1..5` → a numeric answer, or undefined. */
export function numericSpec(text: string): NumericAnswer | undefined {
  const spec = text.trim();
  const range = RANGE.exec(spec);
  if (range !== null) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    if (!(low <= high)) return undefined;
    return { number: tidy((low + high) / 2), tolerance: tidy((high - low) / 2), mode: 'absolute' };
  }
  const single = WITH_TOLERANCE.exec(spec);
  if (single === null) return undefined;
  const tolerance = Math.abs(Number(single[2] ?? '0'));
  return { number: Number(single[1]), tolerance, mode: 'absolute' };
}

/** Splits `=…` answers on unescaped `=`; text before the first `=` is the only answer. */
function numericParts(text: string): string[] {
  if (findUnescaped(text, '=') < 0) return [text];
  const parts: string[] = [];
  let start = -1;
  for (let at = findUnescaped(text, '='); at >= 0; at = findUnescaped(text, '=', at + 1)) {
    if (start >= 0) parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

export function giftNumericAnswers(text: string): WeightDecision<NumericAnswer[]> {
  const answers: FullCreditAnswer<NumericAnswer>[] = [];
  for (const part of numericParts(text)) {
    const feedback = findUnescaped(part, '#');
    let body = unescapeGift(feedback >= 0 ? part.slice(0, feedback) : part).trim();
    let weight = 100;
    const weighted = /^%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (weighted !== null) {
      weight = Number(weighted[1]);
      body = body.slice(weighted[0].length).trim();
    }
    if (body === '*') {
      answers.push(wildcardNumericAnswer(weight));
      continue;
    }
    const value = numericSpec(body);
    if (value === undefined)
      return {
        ok: false,
        reason: `数值答案“${body.slice(0, 30)}”无法识别（应为 数值、数值:误差 或 下限..上限）`,
      };
    answers.push({ value, label: body, weight });
  }
  return fullCreditAnswers(answers, '数值填空');
}

/**
 * A `*` numeric answer (GIFT and Moodle XML): any number. Kept as an answer with a problem so the
 * reason names it; the bank cannot hold "any number" as a key.
 */
export function wildcardNumericAnswer(weight: number): FullCreditAnswer<NumericAnswer> {
  return {
    value: { number: 0, tolerance: 0, mode: 'absolute' },
    label: '*',
    weight,
    problem: '是通配符',
  };
}
