import {
  ANSWER_KEY_STYLES,
  OPTION_IDS,
  formatAnswerKey,
  type AnswerKeyStyle,
} from '@skillexam/shared';
import { ITEM_TYPE_LABELS } from './cell-values';
import { TEMPLATE_FIELDS, TEMPLATE_HEADERS, type TemplateField } from './column-mapping';
import type { ExportItem } from './item-file-types';
import { itemBodyToCellText } from './rich-text';

/*
 * An item → one row of the item template (the inverse of row-to-item), shared by the xlsx
 * and CSV writers so an exported file imports back to the same content.
 */

export const EXPORT_HEADER: readonly string[] = TEMPLATE_FIELDS.map(
  (field) => TEMPLATE_HEADERS[field],
);

/** A key cell; a 简答 reference answer keeps its formulas and line breaks as cell text. */
const KEY_CELL_STYLE: AnswerKeyStyle = {
  ...ANSWER_KEY_STYLES.cell,
  shortAnswer: itemBodyToCellText,
};

export function itemToRow(item: ExportItem): string[] {
  const { content } = item;
  const options = 'options' in content ? content.options : [];
  const values: Record<TemplateField, string> = {
    id: item.id,
    type: ITEM_TYPE_LABELS[content.type],
    stem: itemBodyToCellText(content.stem),
    optionA: '',
    optionB: '',
    optionC: '',
    optionD: '',
    optionE: '',
    optionF: '',
    key: formatAnswerKey(content, KEY_CELL_STYLE),
    explanation: content.explanation === undefined ? '' : itemBodyToCellText(content.explanation),
    pointCode: item.pointCode ?? '',
    difficulty: String(content.difficulty),
    level: String(content.level),
    tags: item.tags.join('，'),
    source: item.source ?? '',
    enemyGroup: item.enemyGroup ?? '',
  };
  for (const option of options) {
    const index = OPTION_IDS.indexOf(option.id);
    const field = (['optionA', 'optionB', 'optionC', 'optionD', 'optionE', 'optionF'] as const)[
      index
    ];
    if (field !== undefined) values[field] = itemBodyToCellText(option.content);
  }
  return TEMPLATE_FIELDS.map((field) => values[field]);
}
