import { isHtmlElement, htmlText, type HtmlElement, type HtmlNode } from '@skillexam/shared';
import { splitOptionCell } from '../option-cell';
import { isKeyPartHeading, sectionHeading, type DocxTypeHint } from './docx-headings';
import { readKeyPart, type KeyPart } from './docx-key-part';
import { sectionLookup } from './docx-key-match';
import { containsImage, dropLeadingText, fieldLine, paragraphOf, sliceMarkup } from './docx-markup';

/*
 * A Word document (as mammoth's HTML, parsed to a markup tree) → one raw segment per item,
 * the way Chinese item writers lay them out:
 *
 *   一、单项选择题                      ← section heading: the type of what follows (docx-headings.ts)
 *   1. 题干……（  ）                     ← numbered stem: `1.` `1．` `1、` `（1）`; numbers restart per section
 *   A. 选项  B. 选项                    ← options, one per line or several in one line (option-cell.ts)
 *   参考答案：B   解析：……   难度：3   等级：四级   鉴定点：A-B-001
 *   参考答案                            ← optional key part at the end (docx-key-part.ts)
 *
 * Paragraphs, tables and pictures between the stem and the first option belong to the stem;
 * after 答案 to the reference answer, after 解析 to the explanation. In a section numbered
 * 1. 2. 3., paragraphs starting （1）（2） are sub-questions of the current question.
 */

export interface DocxOption {
  readonly letter: string;
  /** The option's markup with the `A.` prefix removed. */
  readonly nodes: HtmlNode[];
}

export interface DocxSection {
  /** 0-based order of the section in the paper. */
  readonly index: number;
  readonly title: string;
}

export interface DocxSegment {
  /** 1-based paragraph number where the item starts, for reports. */
  readonly paragraph: number;
  readonly number: string;
  readonly section?: DocxSection;
  readonly typeHint?: DocxTypeHint;
  readonly stem: HtmlNode[];
  readonly options: DocxOption[];
  answer?: string;
  /** Paragraphs of a reference answer after the 答案 line (or after the key part's line). */
  answerMore: HtmlNode[];
  explanation: HtmlNode[];
  difficulty?: string;
  level?: string;
  pointCode?: string;
  /** Why a line of options could not be split, with its paragraph. */
  optionProblem?: string;
}

export interface SegmentResult {
  readonly segments: DocxSegment[];
  /** Paragraphs with text outside any item (before the first numbered stem). */
  readonly stray: number[];
  /** Paragraphs with text before the first section heading or question: title, instructions. */
  readonly preamble: number[];
  /** The key part at the end, when the paper has one. */
  readonly keyPart?: KeyPart;
}

const STEM_START = /^\s*(?:(\d{1,4})\s*[.．、]|[（(](\d{1,4})[)）])\s*/;
const OPTION_START = /^\s*([A-Fa-f])\s*[.．、:：)）]\s*/;
/** Another option marker after a space inside the same line: `A. 甲  B. 乙`. */
const LATER_OPTION = /[\s\u3000][A-Fa-f]\s*[.．、:：)）]/;

type Part = 'stem' | 'options' | 'answer' | 'explanation';

interface State {
  current: DocxSegment | undefined;
  part: Part;
  section?: DocxSection & { typeHint?: DocxTypeHint; style?: 'dot' | 'paren' };
}

function addLoose(state: State, block: HtmlNode): void {
  const current = state.current;
  if (current === undefined) return;
  if (state.part === 'explanation') current.explanation.push(block);
  else if (state.part === 'answer') current.answerMore.push(block);
  else if (state.part === 'options') current.options.at(-1)?.nodes.push(block);
  else current.stem.push(block);
}

function addField(state: State, current: DocxSegment, block: HtmlElement, text: string): boolean {
  const field = fieldLine(text);
  if (field === undefined) return false;
  if (field.name === '解析') {
    state.part = 'explanation';
    const rest = dropLeadingText(block.children, field.length);
    if (htmlText(paragraphOf(rest)).trim() !== '' || rest.some(isHtmlElement)) {
      current.explanation.push(paragraphOf(rest));
    }
  } else if (field.name === '难度') current.difficulty = field.value;
  else if (field.name === '等级') current.level = field.value;
  else if (field.name === '鉴定点') current.pointCode = field.value;
  else {
    current.answer = field.value;
    state.part = 'answer';
  }
  return true;
}

function addOptions(current: DocxSegment, block: HtmlElement, text: string, paragraph: number) {
  const option = OPTION_START.exec(text);
  if (option === null) return false;
  if (!LATER_OPTION.test(text.slice(option[0].length))) {
    current.options.push({
      letter: (option[1] ?? '').toUpperCase(),
      nodes: [paragraphOf(dropLeadingText(block.children, option[0].length))],
    });
    return true;
  }
  const split = splitOptionCell(text);
  if (!split.ok) {
    current.optionProblem = `第${paragraph}段：${split.reason}`;
    return true;
  }
  // Each option keeps its marks (superscripts, bold): its text is found again in the paragraph.
  let cursor = 0;
  for (const { id, text: optionText } of split.options) {
    const at = text.indexOf(optionText, cursor);
    const nodes =
      at < 0 ? [{ text: optionText }] : sliceMarkup(block.children, at, at + optionText.length);
    if (at >= 0) cursor = at + optionText.length;
    current.options.push({ letter: id, nodes: [paragraphOf(nodes)] });
  }
  return true;
}

/** Whether a numbered paragraph starts a new question (not a （1） sub-question of the current one). */
function startsQuestion(state: State, paren: boolean): boolean {
  if (state.current === undefined || state.section?.style === undefined) return true;
  return state.section.style === (paren ? 'paren' : 'dot');
}

export function segmentDocx(root: HtmlElement): SegmentResult {
  const segments: DocxSegment[] = [];
  const stray: number[] = [];
  const preamble: number[] = [];
  let started = false;
  const state: State = { current: undefined, part: 'stem' };
  let sections = 0;
  let index = 0;
  const blocks = root.children;
  for (let at = 0; at < blocks.length; at += 1) {
    const block = blocks[at];
    if (block === undefined) continue;
    if (!isHtmlElement(block)) {
      if (htmlText(block).trim() !== '') addLoose(state, paragraphOf([block]));
      continue;
    }
    index += 1;
    const text = htmlText(block);
    const isParagraph = /^(p|h[1-6])$/.test(block.tag);
    if (isParagraph && isKeyPartHeading(text)) {
      const keyPart = readKeyPart(blocks.slice(at + 1), index + 1, sectionLookup(segments));
      return { segments, stray, preamble, keyPart };
    }
    const heading = isParagraph ? sectionHeading(text) : undefined;
    if (heading !== undefined) {
      state.current = undefined;
      state.section = { index: sections, ...heading };
      sections += 1;
      started = true;
      continue;
    }
    const stemStart = isParagraph ? STEM_START.exec(text) : null;
    if (stemStart !== null && startsQuestion(state, stemStart[1] === undefined)) {
      if (state.section !== undefined && state.section.style === undefined) {
        state.section.style = stemStart[1] === undefined ? 'paren' : 'dot';
      }
      const section = state.section;
      state.current = {
        paragraph: index,
        number: stemStart[1] ?? stemStart[2] ?? '',
        ...(section === undefined
          ? {}
          : { section: { index: section.index, title: section.title } }),
        ...(section?.typeHint === undefined ? {} : { typeHint: section.typeHint }),
        stem: [paragraphOf(dropLeadingText(block.children, stemStart[0].length))],
        options: [],
        answerMore: [],
        explanation: [],
      };
      state.part = 'stem';
      segments.push(state.current);
      started = true;
      continue;
    }
    const current = state.current;
    if (current === undefined) {
      if (text.trim() !== '') (started ? stray : preamble).push(index);
      continue;
    }
    if (isParagraph && addField(state, current, block, text)) continue;
    if (isParagraph && state.part !== 'explanation' && state.part !== 'answer') {
      if (addOptions(current, block, text, index)) {
        state.part = 'options';
        continue;
      }
    }
    if (text.trim() === '' && !containsImage(block) && block.tag === 'p') continue;
    addLoose(state, block);
  }
  return { segments, stray, preamble };
}
