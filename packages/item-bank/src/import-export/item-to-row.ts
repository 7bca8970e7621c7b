import { OPTION_IDS, acceptedAnswerText, type ItemContent } from '@skillexam/shared';
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

function keyText(content: ItemContent): string {
  switch (content.type) {
    case 'true_false':
      return content.key ? '√' : '×';
    case 'single_choice':
      return content.key;
    case 'multiple_choice':
      return [...content.key].sort().join('');
    case 'fill_blank': {
      const ids = Object.keys(content.key);
      return ids.map((id) => (content.key[id] ?? []).map(acceptedAnswerText).join('|')).join('；');
    }
    case 'short_answer':
      return itemBodyToCellText(content.key.referenceAnswer);
  }
}

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
    key: keyText(content),
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
