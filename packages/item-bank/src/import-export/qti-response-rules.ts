import { isHtmlElement, htmlText, type HtmlElement } from '@skillexam/shared';
import { elementsOf, firstElement } from './markup-tree';

/*
 * What a QTI item's response processing does with one response: the comparisons that decide
 * whether it is right (`equal` with a tolerance, `equalRounded`, `match`, `mapResponse`) and the
 * score each comparison sets. Anything else that looks at the response (ranges, patterns,
 * comparisons with another response such as "all answers different", negations) is returned as
 * a problem, so the caller reports the item instead of guessing a key.
 */

/** The value a response is compared with: the declared correct response or a literal. */
export type ComparedWith = { kind: 'correct' } | { kind: 'literal'; text: string };

export type ResponseTest =
  | {
      kind: 'equal' | 'equal-rounded' | 'match';
      with: ComparedWith;
      attrs: Readonly<Record<string, string>>;
      /** The score the rule sets when the comparison holds, when it is a plain number. */
      score?: number;
    }
  | { kind: 'map-response' };

export type ProcessingTemplate = 'match_correct' | 'map_response' | 'other';

export interface ResponseRules {
  /** The standard template named by `template="…"`, when the processing is one. */
  template?: ProcessingTemplate;
  /** Whether the processing has its own rules (not only a template). */
  custom: boolean;
  tests: ResponseTest[];
  problems: string[];
}

const BRANCHES = new Set(['qti-response-if', 'qti-response-else-if']);
const COMPARISONS: Record<string, 'equal' | 'equal-rounded' | 'match'> = {
  'qti-equal': 'equal',
  'qti-equal-rounded': 'equal-rounded',
  'qti-match': 'match',
};

function templateOf(processing: HtmlElement): ProcessingTemplate | undefined {
  const template = processing.attrs.template ?? processing.attrs['template-location'];
  if (template === undefined || template.trim() === '') return undefined;
  if (/match_correct(\.xml)?$/i.test(template)) return 'match_correct';
  if (/map_response(\.xml)?$/i.test(template)) return 'map_response';
  return 'other';
}

/** The number a branch sets the score to (or adds to it), when that is a literal. */
function branchScore(branch: HtmlElement | undefined): number | undefined {
  if (branch === undefined) return undefined;
  for (const set of elementsOf(branch, 'qti-set-outcome-value')) {
    const sum = firstElement(set, 'qti-sum');
    const literal =
      firstElement(set, 'qti-base-value') ??
      (sum === undefined ? undefined : firstElement(sum, 'qti-base-value'));
    const value = literal === undefined ? NaN : Number(htmlText(literal).trim());
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

function comparedWith(
  test: HtmlElement,
  variable: HtmlElement,
  responseId: string,
): ComparedWith | string {
  const others = elementsOf(test).filter((child) => child !== variable);
  const [other] = others;
  if (others.length !== 1 || other === undefined) return `<${test.tag}> 的操作数不是两个`;
  if (other.tag === 'qti-correct' && other.attrs.identifier === responseId) {
    return { kind: 'correct' };
  }
  if (other.tag === 'qti-base-value') return { kind: 'literal', text: htmlText(other).trim() };
  if (other.tag === 'qti-variable') {
    return `把它与 ${other.attrs.identifier ?? '另一个变量'} 比较（例如要求各空答案互不相同）`;
  }
  return `把它与 <${other.tag}> 的结果比较`;
}

export function responseRules(root: HtmlElement, responseId: string): ResponseRules {
  const processing = firstElement(root, 'qti-response-processing');
  const rules: ResponseRules = { custom: false, tests: [], problems: [] };
  if (processing === undefined) return rules;
  const template = templateOf(processing);
  if (template !== undefined) rules.template = template;
  rules.custom = processing.children.some(isHtmlElement);
  const problem = (what: string) => rules.problems.push(`判分规则对响应 ${responseId} ${what}`);

  // The ancestors of the element being visited: one stack, pushed and popped, never copied.
  const path: HtmlElement[] = [];
  let negations = 0;
  const visit = (element: HtmlElement) => {
    const parent = path.at(-1);
    if (element.tag === 'qti-map-response' && element.attrs.identifier === responseId) {
      rules.tests.push({ kind: 'map-response' });
    } else if (
      element.tag === 'qti-map-response-point' &&
      element.attrs.identifier === responseId
    ) {
      problem('使用了 <qti-map-response-point>（按区域给分）');
    } else if (
      element.tag === 'qti-variable' &&
      element.attrs.identifier === responseId &&
      parent !== undefined &&
      parent.tag !== 'qti-is-null'
    ) {
      const kind = COMPARISONS[parent.tag];
      const negated = negations > 0;
      if (kind === undefined) problem(`使用了 <${parent.tag}>，无法表示为可接受答案`);
      else if (negated) problem(`在 <qti-not> 中作比较（答错才得分）`);
      else {
        const compared = comparedWith(parent, element, responseId);
        if (typeof compared === 'string') problem(compared);
        else {
          let branch: HtmlElement | undefined;
          for (let i = path.length - 1; i >= 0 && branch === undefined; i -= 1) {
            if (BRANCHES.has(path[i]?.tag ?? '')) branch = path[i];
          }
          const score = branchScore(branch);
          rules.tests.push({
            kind,
            with: compared,
            attrs: parent.attrs,
            ...(score !== undefined ? { score } : {}),
          });
        }
      }
    }
    path.push(element);
    if (element.tag === 'qti-not') negations += 1;
    for (const child of elementsOf(element)) visit(child);
    if (element.tag === 'qti-not') negations -= 1;
    path.pop();
  };
  visit(processing);
  return rules;
}
