import { isHtmlElement, htmlText, type HtmlElement, type HtmlNode } from '@skillexam/shared';

/*
 * A Word document (as mammoth's HTML, parsed to a markup tree) → one raw segment per item,
 * the way Chinese item writers lay them out:
 *
 *   一、单项选择题                      ← optional section heading: the type of what follows
 *   1. 题干……（  ）                     ← numbered stem: `1.` `1．` `1、` `（1）`
 *   A. 选项  B. 选项                    ← options, one per line or several in one line
 *   答案：B   解析：……   难度：3   鉴定点：A-B-001
 *
 * Paragraphs, tables and pictures between the stem and the first option belong to the stem;
 * after 解析 they belong to the explanation.
 */

export type DocxTypeHint =
  'true_false' | 'single_choice' | 'multiple_choice' | 'fill_blank' | 'short_answer';

export interface DocxOption {
  readonly letter: string;
  /** The option's markup with the `A.` prefix removed. */
  readonly nodes: HtmlNode[];
}

export interface DocxSegment {
  /** 1-based paragraph number where the item starts, for reports. */
  readonly paragraph: number;
  readonly number: string;
  readonly typeHint?: DocxTypeHint;
  readonly stem: HtmlNode[];
  readonly options: DocxOption[];
  answer?: string;
  readonly explanation: HtmlNode[];
  difficulty?: string;
  pointCode?: string;
  /** Lines that could not be placed (text before the first numbered stem). */
}

const STEM_START = /^\s*(?:(\d{1,4})\s*[.．、]|[（(](\d{1,4})[)）])\s*/;
const OPTION_START = /^\s*([A-Fa-f])\s*[.．、:：)）]\s*/;
/** Where another option starts inside one line: whitespace, then `B.` etc. */
const INLINE_OPTION = /[\s\u3000]+(?=[A-F]\s*[.．、:：)）])/g;
const FIELD_LINE =
  /^\s*[【[]?(答案|正确答案|参考答案|解析|试题解析|难度|鉴定点|鉴定点代码)[】\]]?\s*[:：]\s*/;
const SECTION_HEADING =
  /^\s*[一二三四五六七八九十]+\s*[、.．]\s*(判断|单项选择|单选|多项选择|多选|填空|简答)/;

const SECTION_TYPES: Record<string, DocxTypeHint> = {
  判断: 'true_false',
  单项选择: 'single_choice',
  单选: 'single_choice',
  多项选择: 'multiple_choice',
  多选: 'multiple_choice',
  填空: 'fill_blank',
  简答: 'short_answer',
};

/** Removes the first `count` characters of text from a markup list (keeps the marks around the rest). */
export function dropLeadingText(nodes: readonly HtmlNode[], count: number): HtmlNode[] {
  let left = count;
  const visit = (node: HtmlNode): HtmlNode | undefined => {
    if (left <= 0) return node;
    if (!isHtmlElement(node)) {
      if (node.text.length <= left) {
        left -= node.text.length;
        return undefined;
      }
      const text = node.text.slice(left);
      left = 0;
      return { text };
    }
    if (node.tag === 'img') return node;
    const children = node.children.map(visit).filter((child) => child !== undefined);
    return { ...node, children };
  };
  return nodes.map(visit).filter((node) => node !== undefined);
}

function paragraph(nodes: HtmlNode[]): HtmlElement {
  return { tag: 'p', attrs: {}, children: nodes };
}

/** Splits a paragraph's text on option starts: `A. 甲  B. 乙` → two options (plain text). */
function splitOptions(text: string): DocxOption[] {
  return text
    .split(INLINE_OPTION)
    .map((part) => {
      const match = OPTION_START.exec(part);
      if (match === null) return undefined;
      const letter = (match[1] ?? '').toUpperCase();
      return { letter, nodes: [paragraph([{ text: part.slice(match[0].length).trim() }])] };
    })
    .filter((option) => option !== undefined);
}

interface Draft {
  paragraph: number;
  number: string;
  typeHint?: DocxTypeHint;
  stem: HtmlNode[];
  options: DocxOption[];
  answer?: string;
  explanation: HtmlNode[];
  difficulty?: string;
  pointCode?: string;
  /** Where loose blocks go. */
  part: 'stem' | 'options' | 'explanation';
}

export interface SegmentResult {
  readonly segments: DocxSegment[];
  /** Paragraph numbers of text before the first numbered stem (ignored, reported). */
  readonly stray: number[];
}

export function segmentDocx(root: HtmlElement): SegmentResult {
  const segments: DocxSegment[] = [];
  const stray: number[] = [];
  let typeHint: DocxTypeHint | undefined;
  let current: Draft | undefined;
  let index = 0;
  const finish = () => {
    if (current === undefined) return;
    const { part, ...segment } = current;
    void part;
    segments.push(segment);
    current = undefined;
  };
  for (const block of root.children) {
    if (!isHtmlElement(block)) {
      if (htmlText(block).trim() !== '' && current !== undefined) {
        current.stem.push(paragraph([block]));
      }
      continue;
    }
    index += 1;
    const text = htmlText(block);
    const isParagraph = /^(p|h[1-6])$/.test(block.tag);
    const heading = isParagraph ? SECTION_HEADING.exec(text) : null;
    if (heading !== null) {
      finish();
      typeHint = SECTION_TYPES[heading[1] ?? ''];
      continue;
    }
    const stemStart = isParagraph ? STEM_START.exec(text) : null;
    if (stemStart !== null) {
      finish();
      current = {
        paragraph: index,
        number: stemStart[1] ?? stemStart[2] ?? '',
        ...(typeHint === undefined ? {} : { typeHint }),
        stem: [paragraph(dropLeadingText(block.children, stemStart[0].length))],
        options: [],
        explanation: [],
        part: 'stem',
      };
      continue;
    }
    if (current === undefined) {
      if (text.trim() !== '') stray.push(index);
      continue;
    }
    const field = isParagraph ? FIELD_LINE.exec(text) : null;
    if (field !== null) {
      const name = field[1] ?? '';
      const value = text.slice(field[0].length).trim();
      if (name === '解析' || name === '试题解析') {
        current.part = 'explanation';
        const rest = dropLeadingText(block.children, field[0].length);
        if (htmlText(paragraph(rest)).trim() !== '' || rest.some(isHtmlElement)) {
          current.explanation.push(paragraph(rest));
        }
      } else if (name === '难度') current.difficulty = value;
      else if (name.startsWith('鉴定点')) current.pointCode = value;
      else current.answer = value;
      continue;
    }
    const option = isParagraph ? OPTION_START.exec(text) : null;
    if (option !== null && current.part !== 'explanation') {
      current.part = 'options';
      const several = splitOptions(text);
      if (several.length > 1) current.options.push(...several);
      else {
        current.options.push({
          letter: (option[1] ?? '').toUpperCase(),
          nodes: [paragraph(dropLeadingText(block.children, option[0].length))],
        });
      }
      continue;
    }
    if (text.trim() === '' && !containsImage(block) && block.tag === 'p') continue;
    if (current.part === 'explanation') current.explanation.push(block);
    else if (current.part === 'options') {
      // A picture or table under an option belongs to it.
      const last = current.options.at(-1);
      if (last !== undefined) last.nodes.push(block);
    } else current.stem.push(block);
  }
  finish();
  return { segments, stray };
}

function containsImage(element: HtmlElement): boolean {
  return element.children.some(
    (child) => isHtmlElement(child) && (child.tag === 'img' || containsImage(child)),
  );
}
