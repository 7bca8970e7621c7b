import { isHtmlElement, type HtmlElement, type HtmlNode } from '@skillexam/shared';

/*
 * Small helpers over the markup of a Word paragraph (mammoth's HTML as a markup tree): labelled
 * lines such as 「参考答案：B」 or 「解析：…」 and cutting a prefix off a paragraph while keeping
 * the marks around the rest.
 */

export type FieldName = '答案' | '解析' | '难度' | '等级' | '鉴定点';

export interface FieldLine {
  readonly name: FieldName;
  /** Characters of the label, colon included, to cut from the paragraph. */
  readonly length: number;
  /** The text after the label. */
  readonly value: string;
}

const FIELD_LINE =
  /^\s*[【[]?(答案|正确答案|参考答案|解析|试题解析|答案解析|难度|等级|鉴定点|鉴定点代码)[】\]]?\s*[:：]\s*/;

const FIELD_NAMES: Record<string, FieldName> = {
  答案: '答案',
  正确答案: '答案',
  参考答案: '答案',
  解析: '解析',
  试题解析: '解析',
  答案解析: '解析',
  难度: '难度',
  等级: '等级',
  鉴定点: '鉴定点',
  鉴定点代码: '鉴定点',
};

export function fieldLine(text: string): FieldLine | undefined {
  const match = FIELD_LINE.exec(text);
  if (match === null) return undefined;
  const name = FIELD_NAMES[match[1] ?? ''];
  if (name === undefined) return undefined;
  return { name, length: match[0].length, value: text.slice(match[0].length).trim() };
}

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

/** Keeps only the first `count` characters of text of a markup list (marks kept; pictures after the cut dropped). */
export function takeLeadingText(nodes: readonly HtmlNode[], count: number): HtmlNode[] {
  let left = count;
  const visit = (node: HtmlNode): HtmlNode | undefined => {
    if (left <= 0) return undefined;
    if (!isHtmlElement(node)) {
      if (node.text.length <= left) {
        left -= node.text.length;
        return node;
      }
      const text = node.text.slice(0, left);
      left = 0;
      return { text };
    }
    if (node.tag === 'img') return node;
    const children = node.children.map(visit).filter((child) => child !== undefined);
    return { ...node, children };
  };
  return nodes.map(visit).filter((node) => node !== undefined);
}

/** The markup of characters `from`…`to` of a paragraph's text. */
export function sliceMarkup(nodes: readonly HtmlNode[], from: number, to: number): HtmlNode[] {
  return takeLeadingText(dropLeadingText(nodes, from), to - from);
}

export function paragraphOf(nodes: HtmlNode[]): HtmlElement {
  return { tag: 'p', attrs: {}, children: nodes };
}

export function containsImage(element: HtmlElement): boolean {
  return element.children.some(
    (child) => isHtmlElement(child) && (child.tag === 'img' || containsImage(child)),
  );
}
