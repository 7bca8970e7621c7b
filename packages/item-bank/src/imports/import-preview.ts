import { Buffer } from 'node:buffer';
import {
  ANSWER_KEY_STYLES,
  formatAnswerKey,
  IMPORT_PREVIEW_LIMIT,
  IMPORT_PREVIEW_PICTURE_BYTES,
  IMPORT_PREVIEW_PICTURE_TYPES,
  type ImportPreview,
  type ImportPreviewItem,
} from '@skillexam/shared';
import { itemAssetHashes } from '../import-export/asset-check';
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

/** The pictures of the shown questions as data URLs, up to the byte limit; the rest counted. */
function previewPictures(file: ParsedItemFile, items: readonly ParsedItem[]) {
  const pictures: ImportPreview['pictures'] = [];
  let leftOut = 0;
  let bytes = 0;
  for (const hash of new Set(items.flatMap(itemAssetHashes))) {
    const asset = file.assets.get(hash);
    if (
      asset === undefined ||
      !IMPORT_PREVIEW_PICTURE_TYPES.includes(asset.mime) ||
      bytes + asset.bytes.byteLength > IMPORT_PREVIEW_PICTURE_BYTES
    ) {
      leftOut += 1;
      continue;
    }
    bytes += asset.bytes.byteLength;
    const data = Buffer.from(asset.bytes.buffer, asset.bytes.byteOffset, asset.bytes.byteLength);
    pictures.push({ hash, dataUrl: `data:${asset.mime};base64,${data.toString('base64')}` });
  }
  return { pictures, picturesLeftOut: leftOut };
}

export function importPreview(file: ParsedItemFile): ImportPreview {
  const shown = file.items.slice(0, IMPORT_PREVIEW_LIMIT);
  return {
    total: file.items.length,
    items: shown.map(previewItem),
    ...previewPictures(file, shown),
    issues: file.issues,
  };
}
