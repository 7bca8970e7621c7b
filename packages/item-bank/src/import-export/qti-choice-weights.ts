import type { HtmlElement } from '@skillexam/shared';
import { elementsOf, firstElement } from './markup-tree';

/*
 * The `qti-mapping` of a choice response, checked against its correct response: the bank's
 * choice items score by key only (a multiple-choice section may give equal partial credit per
 * correct option), so a mapping that pays a wrong choice, pays correct choices unequally or pays
 * any answer by default cannot be represented and is reported. A penalty on a wrong choice is
 * kept out with a warning (the bank scores a wrong choice 0).
 */

export interface ChoiceWeightCheck {
  error?: string;
  warnings: string[];
}

export function checkChoiceWeights(
  declaration: HtmlElement,
  correctIds: readonly string[],
  label: (id: string) => string,
): ChoiceWeightCheck {
  const mapping = firstElement(declaration, 'qti-mapping');
  if (mapping === undefined) return { warnings: [] };
  const defaultValue = Number(mapping.attrs['default-value'] ?? '0');
  if (defaultValue !== 0) {
    return {
      error: `mapping 的默认分为 ${String(defaultValue)}（未列出的选项也得分或扣分），无法表示`,
      warnings: [],
    };
  }
  const values = new Map(
    elementsOf(mapping, 'qti-map-entry').map((entry) => [
      (entry.attrs['map-key'] ?? '').trim(),
      Number(entry.attrs['mapped-value'] ?? 'NaN'),
    ]),
  );
  const warnings: string[] = [];
  for (const [id, value] of values) {
    if (correctIds.includes(id)) continue;
    if (!Number.isFinite(value) || value > 0) {
      return {
        error: `选项 ${label(id)} 不是正确答案，mapping 却给它 ${String(value)} 分：部分得分无法表示`,
        warnings,
      };
    }
    if (value < 0) {
      warnings.push(
        `选项 ${label(id)} 在 mapping 中扣 ${String(-value)} 分；本系统错选得 0 分，不扣分`,
      );
    }
  }
  const correctValues = correctIds.map((id) => values.get(id) ?? defaultValue);
  const [first] = correctValues;
  if (correctValues.some((value) => !(value > 0) || value !== first)) {
    return {
      error: `正确选项在 mapping 中的分值不同或不得分（${correctIds
        .map((id, index) => `${label(id)}：${String(correctValues[index])}`)
        .join('，')}）：部分得分无法表示`,
      warnings,
    };
  }
  return { warnings };
}
