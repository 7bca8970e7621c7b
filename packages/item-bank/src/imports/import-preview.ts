import {
  ANSWER_KEY_STYLES,
  formatAnswerKey,
  IMPORT_PREVIEW_LIMIT,
  type ImportPreview,
  type ImportPreviewItem,
} from '@skillexam/shared';
import type { ParsedItem, ParsedItemFile } from '../import-export/item-file-types';

/*
 * The questions of a parsed item file as the import wizard shows them before anything is
 * written: stem and options as the candidate sees them, the key as a 标准答案 prints it, 解析,
 * and the problems of the file (each naming its row, line or paragraph).
 */

export function previewItem(item: ParsedItem): ImportPreviewItem {
  const { content } = item;
  return {
    ref: item.ref,
    type: content.type,
    stem: content.stem,
    options: 'options' in content ? content.options : [],
    key: formatAnswerKey(content, ANSWER_KEY_STYLES.printedKey),
    ...(content.explanation === undefined ? {} : { explanation: content.explanation }),
  };
}

export function importPreview(file: ParsedItemFile): ImportPreview {
  return {
    total: file.items.length,
    items: file.items.slice(0, IMPORT_PREVIEW_LIMIT).map(previewItem),
    issues: file.issues,
  };
}
