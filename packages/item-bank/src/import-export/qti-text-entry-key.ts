import {
  exactNumber,
  htmlText,
  type AcceptedAnswer,
  type HtmlElement,
  type NumericAnswer,
} from '@skillexam/shared';
import { elementsOf, firstElement } from './markup-tree';
import type { ResponseRules, ResponseTest } from './qti-response-rules';

/*
 * The accepted answers of one QTI text-entry response, or why they cannot be represented
 * exactly. Numeric responses (base-type float/integer) become numeric answers: `equal` with
 * tolerance-mode exact/absolute/relative → a tolerance, `equalRounded` → decimal places or
 * significant figures, a plain correct value or full-credit mapping entry → an exact number.
 * Partial credit (mapping values other than full and 0, rules setting different scores), a
 * default score, asymmetric or open tolerance bounds, non-single cardinality (record: the parts
 * of a number; multiple/ordered: several answers that may not repeat) are refused by reason.
 */

export type TextEntryKeyResult =
  { ok: true; answers: AcceptedAnswer[] } | { ok: false; reason: string };
type Answers = TextEntryKeyResult;

const QTI_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function qtiNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!QTI_NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

interface MappingEntry {
  key: string;
  value: number;
}

/** The full-credit entries of a `qti-mapping`; other non-zero values are partial credit. */
function mappedAnswers(declaration: HtmlElement, responseId: string): string[] | string {
  const mapping = firstElement(declaration, 'qti-mapping');
  if (mapping === undefined) return [];
  const defaultValue = Number(mapping.attrs['default-value'] ?? '0');
  if (defaultValue !== 0) {
    return `响应 ${responseId} 的 mapping 默认分为 ${String(defaultValue)}（未列出的答案也得分或扣分），无法表示`;
  }
  const entries: MappingEntry[] = elementsOf(mapping, 'qti-map-entry').map((entry) => ({
    key: (entry.attrs['map-key'] ?? '').trim(),
    value: Number(entry.attrs['mapped-value'] ?? 'NaN'),
  }));
  const full = Math.max(...entries.map((entry) => entry.value));
  const partial = entries.find(
    (entry) => !Number.isFinite(entry.value) || (entry.value !== full && entry.value !== 0),
  );
  if (partial !== undefined) {
    return `响应 ${responseId} 的 mapping 给“${partial.key}”${String(partial.value)} 分、给正确答案 ${String(full)} 分：部分得分无法表示，请改为全对或不得分`;
  }
  return full > 0 ? entries.filter((entry) => entry.value === full).map((entry) => entry.key) : [];
}

function bound(attrs: Readonly<Record<string, string>>, name: string): boolean {
  const value = (attrs[name] ?? 'true').trim().toLowerCase();
  return value !== 'false' && value !== '0';
}

function toleranceAnswer(
  attrs: Readonly<Record<string, string>>,
  number: number,
  responseId: string,
): NumericAnswer | string {
  const mode = attrs['tolerance-mode'] ?? 'exact';
  if (mode === 'exact') return exactNumber(number);
  if (mode !== 'absolute' && mode !== 'relative') {
    return `响应 ${responseId} 的 tolerance-mode="${mode}" 不认识`;
  }
  const parts = (attrs.tolerance ?? '').trim().split(/\s+/);
  const [lower, upper = lower] = parts.map(qtiNumber);
  if (parts.length > 2 || lower === undefined || upper === undefined) {
    return `响应 ${responseId} 的误差 tolerance="${attrs.tolerance ?? ''}" 不是一个或两个数字（引用变量的误差无法表示）`;
  }
  if (lower !== upper) {
    return `响应 ${responseId} 的上下误差不同（${String(lower)} / ${String(upper)}），本系统只支持对称误差`;
  }
  if (lower < 0) return `响应 ${responseId} 的误差为负数`;
  if (lower > 0 && (!bound(attrs, 'include-lower-bound') || !bound(attrs, 'include-upper-bound'))) {
    return `响应 ${responseId} 的误差范围不含边界（include-lower-bound / include-upper-bound 为 false），本系统的误差含边界`;
  }
  return { number, tolerance: lower, mode };
}

function roundedAnswer(
  attrs: Readonly<Record<string, string>>,
  number: number,
  responseId: string,
): NumericAnswer | string {
  const mode = attrs['rounding-mode'] ?? 'significantFigures';
  const figures = Number(attrs.figures ?? '');
  const decimals = mode === 'decimalPlaces';
  if (!decimals && mode !== 'significantFigures') {
    return `响应 ${responseId} 的 rounding-mode="${mode}" 不认识`;
  }
  if (!Number.isInteger(figures) || figures < (decimals ? 0 : 1) || figures > 15) {
    return `响应 ${responseId} 的 figures="${attrs.figures ?? ''}" 不是 ${decimals ? '0' : '1'}–15 的整数（引用变量的位数无法表示）`;
  }
  return { number, figures, mode: decimals ? 'decimal_places' : 'significant_figures' };
}

function valuesOf(test: ResponseTest, correct: readonly string[]): readonly string[] {
  if (test.kind === 'map-response') return [];
  return test.with.kind === 'correct' ? correct : [test.with.text];
}

function answersFromTests(
  tests: readonly ResponseTest[],
  declaration: HtmlElement,
  correct: readonly string[],
  numeric: boolean,
  responseId: string,
): Answers {
  const scores = new Set(
    tests.flatMap((test) =>
      test.kind !== 'map-response' && test.score !== undefined ? [test.score] : [],
    ),
  );
  if (scores.size > 1 || [...scores].some((score) => score <= 0)) {
    return fail(
      `判分规则按不同条件给响应 ${responseId} 不同的分数（${[...scores].join('、')}）：部分得分无法表示`,
    );
  }
  const answers: AcceptedAnswer[] = [];
  for (const test of tests) {
    if (test.kind === 'map-response') {
      const mapped = mappedAnswers(declaration, responseId);
      if (typeof mapped === 'string') return fail(mapped);
      const converted = convert(mapped, numeric, responseId);
      if (!converted.ok) return converted;
      answers.push(...converted.answers);
      continue;
    }
    for (const text of valuesOf(test, correct)) {
      if (test.kind === 'match') {
        const converted = convert([text], numeric, responseId);
        if (!converted.ok) return converted;
        answers.push(...converted.answers);
        continue;
      }
      const number = qtiNumber(text);
      if (!numeric || number === undefined) {
        return fail(`响应 ${responseId} 按数值比较，但“${text}”不是数值响应的数字`);
      }
      const answer =
        test.kind === 'equal'
          ? toleranceAnswer(test.attrs, number, responseId)
          : roundedAnswer(test.attrs, number, responseId);
      if (typeof answer === 'string') return fail(answer);
      answers.push(answer);
    }
  }
  return { ok: true, answers };
}

function convert(texts: readonly string[], numeric: boolean, responseId: string): Answers {
  const answers: AcceptedAnswer[] = [];
  for (const text of texts) {
    if (text === '') continue;
    if (!numeric) {
      answers.push(text);
      continue;
    }
    const number = qtiNumber(text);
    if (number === undefined) return fail(`响应 ${responseId} 是数值，但答案“${text}”不是数字`);
    answers.push(exactNumber(number));
  }
  return { ok: true, answers };
}

function unique(answers: readonly AcceptedAnswer[]): AcceptedAnswer[] {
  const seen = new Map<string, AcceptedAnswer>();
  for (const answer of answers) seen.set(JSON.stringify(answer), answer);
  return [...seen.values()];
}

export function textEntryKey(
  declaration: HtmlElement | undefined,
  rules: ResponseRules,
  responseId: string,
): TextEntryKeyResult {
  if (declaration === undefined) return { ok: true, answers: [] };
  const cardinality = declaration.attrs.cardinality ?? 'single';
  if (cardinality === 'record') {
    return fail(
      `响应 ${responseId} 的 cardinality="record"（数值按整数位、小数位等字段判分），本系统的填空无法精确表示`,
    );
  }
  if (cardinality !== 'single') {
    return fail(
      `响应 ${responseId} 的 cardinality="${cardinality}"（一个空接收多个答案，同一答案不能重复得分），本系统的填空无法精确表示`,
    );
  }
  if (rules.problems.length > 0) return fail(rules.problems.join('；'));
  if (firstElement(declaration, 'qti-area-mapping') !== undefined) {
    return fail(`响应 ${responseId} 使用 <qti-area-mapping>（按区域给分），无法表示`);
  }
  const baseType = declaration.attrs['base-type'] ?? 'string';
  const numeric = baseType === 'float' || baseType === 'integer';
  const correctResponse = firstElement(declaration, 'qti-correct-response');
  const correct =
    correctResponse === undefined
      ? []
      : elementsOf(correctResponse, 'qti-value').map((node) => htmlText(node).trim());

  let result: Answers;
  if (rules.tests.length > 0) {
    result = answersFromTests(rules.tests, declaration, correct, numeric, responseId);
  } else if (rules.template === 'match_correct') {
    result = convert(correct, numeric, responseId);
  } else {
    const mapped = mappedAnswers(declaration, responseId);
    if (typeof mapped === 'string') return fail(mapped);
    const useCorrect = rules.template !== 'map_response' || mapped.length === 0;
    result = convert([...(useCorrect ? correct : []), ...mapped], numeric, responseId);
  }
  return result.ok ? { ok: true, answers: unique(result.answers) } : result;
}
