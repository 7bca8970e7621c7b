import { ListCounters, type NumberLabel } from './docx-list-counters';
import { styleNumbering, type NumberingDefinitions } from './docx-numbering';

/*
 * Writes the numbers of Word's automatic numbering into word/document.xml as text
 * (docs/decisions/0933-word-automatic-numbering-as-text.md): every paragraph numbered through
 * w:numPr (or through its style) gets a first run with the number Word shows (「3.」「B.」「二、」)
 * and its numbering switched off (numId 0), so mammoth gives a plain paragraph that reads
 * exactly like a typed one; runs, pictures and tables are left as they are. Bullets stay lists.
 * The XML is scanned tag by tag and only edited at the places found, never re-serialised.
 */

/** Tags, comments, CDATA and processing instructions; text between them is skipped. */
const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
/** The w:val attribute of a tag's attribute text (the only attribute read here). */
const VAL = /(?:^|\s)(?:[\w.-]+:)?val\s*=\s*(?:"([^"]*)"|'([^']*)')/;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function valOf(source: string): string | undefined {
  const match = VAL.exec(source);
  if (match === null) return undefined;
  return (match[1] ?? match[2] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Paragraph {
  /** The namespace prefix of the paragraph's tags, with its colon (「w:」). */
  readonly prefix: string;
  style?: string | undefined;
  numId?: string | undefined;
  ilvl?: number;
  numPr?: { start: number; end: number };
  decided: boolean;
}

interface Edit {
  readonly at: number;
  /** Characters replaced from `at` (0: an insertion). */
  readonly length: number;
  readonly text: string;
}

export interface NumberedDocument {
  readonly xml: string;
  /** How many paragraphs got their number as text. */
  readonly numbered: number;
}

function labelRuns(prefix: string, label: NumberLabel): string {
  const text = label.suffix === 'space' ? `${label.text} ` : label.text;
  const tab = label.suffix === 'tab' ? `<${prefix}tab/>` : '';
  return `<${prefix}r><${prefix}t xml:space="preserve">${escapeXml(text)}</${prefix}t>${tab}</${prefix}r>`;
}

const noNumbering = (prefix: string) =>
  `<${prefix}numPr><${prefix}ilvl ${prefix}val="0"/><${prefix}numId ${prefix}val="0"/></${prefix}numPr>`;

/** The list level linked to a paragraph style by w:lvl/w:pStyle, for styles that name no level. */
function linkedLevel(definitions: NumberingDefinitions, numId: string, style: string | undefined) {
  if (style === undefined) return undefined;
  const abstractId = definitions.instances.get(numId)?.abstractId ?? '';
  for (const [ilvl, level] of definitions.abstracts.get(abstractId)?.levels ?? []) {
    if (level.style === style) return ilvl;
  }
  return undefined;
}

/** Returns the document with the automatic numbers written as text. */
export function writeNumbersAsText(
  xml: string,
  definitions: NumberingDefinitions,
): NumberedDocument {
  const counters = new ListCounters(definitions);
  const edits: Edit[] = [];
  const stack: { local: string; paragraph?: Paragraph }[] = [];
  let numbered = 0;
  let choiceDepth = 0;

  /** Called once per paragraph, where its properties end: `pPrClose` is the index of </w:pPr>. */
  const decide = (paragraph: Paragraph, insertAt: number, pPrClose?: number) => {
    paragraph.decided = true;
    const fromStyle = styleNumbering(definitions, paragraph.style);
    const numId = paragraph.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return;
    const ilvl =
      paragraph.ilvl ?? fromStyle?.ilvl ?? linkedLevel(definitions, numId, paragraph.style) ?? 0;
    const label = counters.next(numId, ilvl);
    if (label === undefined) return;
    const { prefix } = paragraph;
    if (paragraph.numPr !== undefined) {
      const { start, end } = paragraph.numPr;
      edits.push({ at: start, length: end - start, text: noNumbering(prefix) });
    } else if (pPrClose !== undefined) {
      edits.push({ at: pPrClose, length: 0, text: noNumbering(prefix) });
    } else {
      edits.push({
        at: insertAt,
        length: 0,
        text: `<${prefix}pPr>${noNumbering(prefix)}</${prefix}pPr>`,
      });
    }
    edits.push({ at: insertAt, length: 0, text: labelRuns(prefix, label) });
    numbered += 1;
  };

  for (const match of xml.matchAll(TOKEN)) {
    const name = match[2];
    if (name === undefined) continue;
    const at = match.index;
    const end = at + match[0].length;
    const local = localName(name);
    const top = stack.at(-1);
    if (match[1] === '/') {
      const closed = stack.pop();
      if (closed?.local === 'Choice') choiceDepth -= 1;
      const parent = stack.at(-1);
      if (closed?.paragraph !== undefined && !closed.paragraph.decided) {
        decide(closed.paragraph, at);
      } else if (local === 'pPr' && parent?.paragraph !== undefined && !parent.paragraph.decided) {
        decide(parent.paragraph, end, at);
      } else if (local === 'numPr' && stack.at(-2)?.paragraph !== undefined) {
        const paragraph = stack.at(-2)?.paragraph;
        if (paragraph?.numPr !== undefined) paragraph.numPr.end = end;
      }
      continue;
    }
    const selfClosing = match[4] === '/';
    const attributes = match[3] ?? '';
    const inChoice = choiceDepth > 0;
    const paragraph = top?.paragraph;
    if (paragraph !== undefined && !paragraph.decided && local !== 'pPr') {
      // No w:pPr: the paragraph's properties are its style's (the default style).
      decide(paragraph, at);
    }
    const grand = stack.at(-2)?.paragraph;
    if (paragraph !== undefined && local === 'pPr') {
      if (selfClosing) {
        edits.push({ at, length: match[0].length, text: '' });
        decide(paragraph, end);
      }
    } else if (grand !== undefined && top?.local === 'pPr' && !grand.decided) {
      if (local === 'pStyle') grand.style = valOf(attributes);
      if (local === 'numPr') grand.numPr = { start: at, end };
    } else if (top?.local === 'numPr' && stack.at(-3)?.paragraph !== undefined) {
      const owner = stack.at(-3)?.paragraph;
      if (owner !== undefined && !owner.decided) {
        if (local === 'numId') owner.numId = valOf(attributes);
        const ilvl = local === 'ilvl' ? Number.parseInt(valOf(attributes) ?? '', 10) : NaN;
        if (Number.isFinite(ilvl)) owner.ilvl = ilvl;
      }
    }
    if (selfClosing) continue;
    const opened: { local: string; paragraph?: Paragraph } = { local };
    if (local === 'Choice') choiceDepth += 1;
    if (local === 'p' && !inChoice) {
      const colon = name.indexOf(':');
      opened.paragraph = {
        prefix: colon < 0 ? '' : name.slice(0, colon + 1),
        decided: false,
      };
    }
    stack.push(opened);
  }
  if (edits.length === 0) return { xml, numbered: 0 };
  let out = '';
  let cursor = 0;
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.at - b.edit.at || a.order - b.order);
  for (const { edit } of ordered) {
    out += xml.slice(cursor, edit.at) + edit.text;
    cursor = Math.max(cursor, edit.at + edit.length);
  }
  return { xml: out + xml.slice(cursor), numbered };
}
