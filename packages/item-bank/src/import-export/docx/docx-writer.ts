import type { BlockElement, InlineNode, ItemBody, ItemContent, ItemType } from '@skillexam/shared';
import type { AssetLookup, ExportItem } from '../item-file-types';
import { blankNodes } from '../rich-text';
import {
  paragraphXml,
  pictureXml,
  runXml,
  tableXml,
  writeDocxPackage,
  type DocxMedia,
} from './docx-package';

/*
 * Items → a Word paper in the common layout the reader takes back (docs/decisions/0931):
 *
 *   一、单项选择题              (then 多项选择题, 判断题, 填空题, 简答题; numbers restart per section)
 *   1. 题干……
 *   A. 选项                    (判断: A. 正确 / B. 错误)
 *   参考答案：B
 *   解析：……
 *   难度：3
 *   等级：四级
 *   鉴定点：A-B-001
 *
 * Marks, formulas (as $…$), blanks (as （    ）), pictures and tables are kept. A 填空 answer
 * with a numeric tolerance has no written form the reader takes back: such items are listed
 * in `skipped`, never written with a changed key.
 */

const SECTIONS: readonly [ItemType, string][] = [
  ['single_choice', '单项选择题'],
  ['multiple_choice', '多项选择题'],
  ['true_false', '判断题'],
  ['fill_blank', '填空题'],
  ['short_answer', '简答题'],
];
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BLANK_TEXT = '（    ）';
const LEVEL_NAMES: Record<ItemContent['level'], string> = {
  5: '五级',
  4: '四级',
  3: '三级',
  2: '二级',
  1: '一级',
};
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

export interface DocxPaper {
  readonly bytes: Uint8Array;
  readonly skipped: { readonly id: string; readonly reason: string }[];
}

class Body {
  readonly parts: string[] = [];
  readonly media: DocxMedia[] = [];
  private readonly pictures = new Map<string, number>();

  constructor(private readonly assets: AssetLookup) {}

  text(value: string): void {
    this.parts.push(paragraphXml(runXml({ text: value })));
  }

  private inlines(nodes: readonly InlineNode[]): string {
    return nodes
      .map((node) => {
        if (!('type' in node)) return runXml(node);
        if (node.type === 'blank') return runXml({ text: BLANK_TEXT });
        return runXml({ text: node.display === true ? `$$${node.latex}$$` : `$${node.latex}$` });
      })
      .join('');
  }

  private picture(hash: string, alt: string, width: number | undefined): string {
    let index = this.pictures.get(hash);
    const asset = this.assets(hash);
    if (asset === undefined) return runXml({ text: `[缺少图片 ${hash.slice(0, 12)}]` });
    if (index === undefined) {
      index = this.media.length + 1;
      this.pictures.set(hash, index);
      const ext = EXTENSIONS[asset.mime] ?? 'bin';
      this.media.push({
        name: `image${index}.${ext}`,
        contentType: asset.mime,
        bytes: asset.bytes,
      });
    }
    return pictureXml(index, alt, width);
  }

  private block(block: BlockElement, prefix: string): string {
    const lead = prefix === '' ? '' : runXml({ text: prefix });
    switch (block.type) {
      case 'paragraph':
        return paragraphXml(lead + this.inlines(block.children));
      case 'bulleted-list':
      case 'numbered-list':
        return block.children
          .map((item, i) => paragraphXml((i === 0 ? lead : '') + this.inlines(item.children)))
          .join('');
      case 'table': {
        const rows = block.children.map((row) =>
          row.children.map((cell) => this.inlines(cell.children)),
        );
        return (lead === '' ? '' : paragraphXml(lead)) + tableXml(rows);
      }
      case 'image':
        return paragraphXml(lead + this.picture(block.assetHash, block.alt, block.width));
    }
  }

  /** A body with `prefix` (「1. 」「解析：」) in front of its first paragraph. */
  body(body: ItemBody, prefix: string): void {
    const [first, ...rest] = body.content;
    if (first === undefined) {
      this.text(prefix);
      return;
    }
    if (first.type === 'image' || first.type === 'table') this.text(prefix);
    this.parts.push(
      this.block(first, first.type === 'image' || first.type === 'table' ? '' : prefix),
    );
    for (const block of rest) this.parts.push(this.block(block, ''));
  }
}

function answerText(content: ItemContent): string | undefined {
  switch (content.type) {
    case 'single_choice':
      return content.key;
    case 'multiple_choice':
      return [...content.key].sort().join('');
    case 'true_false':
      return content.key ? 'A' : 'B';
    case 'fill_blank': {
      const parts: string[] = [];
      for (const blank of blankNodes(content.stem)) {
        const alternatives = content.key[blank.blankId] ?? [];
        if (alternatives.some((alternative) => typeof alternative !== 'string')) return undefined;
        parts.push(alternatives.join('|'));
      }
      return parts.join('；');
    }
    case 'short_answer':
      return '';
  }
}

function writeItem(out: Body, number: number, item: ExportItem): void {
  const { content } = item;
  out.body(content.stem, `${number}. `);
  if (content.type === 'true_false') {
    out.text('A. 正确');
    out.text('B. 错误');
  }
  if (content.type === 'single_choice' || content.type === 'multiple_choice') {
    for (const option of content.options) out.body(option.content, `${option.id}. `);
  }
  if (content.type === 'short_answer') out.body(content.key.referenceAnswer, '参考答案：');
  else out.text(`参考答案：${answerText(content) ?? ''}`);
  if (content.explanation !== undefined) out.body(content.explanation, '解析：');
  out.text(`难度：${content.difficulty}`);
  out.text(`等级：${LEVEL_NAMES[content.level]}`);
  if (item.pointCode !== undefined && item.pointCode !== '') out.text(`鉴定点：${item.pointCode}`);
}

/** Writes the items as a Word paper, one section per type; `title` is the first paragraph. */
export async function writeDocxPaper(
  items: readonly ExportItem[],
  assets: AssetLookup,
  title?: string,
): Promise<DocxPaper> {
  const out = new Body(assets);
  const skipped: DocxPaper['skipped'] = [];
  if (title !== undefined) out.text(title);
  let section = 0;
  for (const [type, name] of SECTIONS) {
    const ofType = items.filter((item) => item.content.type === type);
    const writable = ofType.filter((item) => {
      if (answerText(item.content) !== undefined) return true;
      skipped.push({ id: item.id, reason: '填空答案带数值容差，Word 试卷中无法原样写出' });
      return false;
    });
    if (writable.length === 0) continue;
    out.text(`${NUMERALS[section] ?? String(section + 1)}、${name}`);
    section += 1;
    writable.forEach((item, index) => writeItem(out, index + 1, item));
  }
  return { bytes: await writeDocxPackage(out.parts.join(''), out.media), skipped };
}
