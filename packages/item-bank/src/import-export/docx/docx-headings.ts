/*
 * The headings of a Word exam paper: section headings that say the type of what follows
 * (「一、单项选择题（每题2分）」, 「判断题」, 「三、综合探究题」) and the heading of the key part
 * at the end (「参考答案」, 「参考答案及解析」). A heading is a whole paragraph, never the start
 * of a numbered question.
 */

export type DocxTypeHint =
  'true_false' | 'single_choice' | 'multiple_choice' | 'fill_blank' | 'short_answer';

export interface SectionHeading {
  /** The heading without its numbering and score note: 「单项选择题」. */
  readonly title: string;
  /** Undefined for a section whose name says no type (「四、作图题」): inferred per question. */
  readonly typeHint?: DocxTypeHint;
}

const NUMBERING = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*/;
/** 「单项选择题」「判断题（每题1分，共10分）」「综合探究题：」 — short, ends in 题 or 题型. */
const TITLE = /^([\u4e00-\u9fa5]{1,10}?题型?)\s*(?:[（(][^）)]*[）)])?\s*[:：。]?\s*$/;
/** After 「一、」 the name may run on: 「一、单项选择题：本大题共10小题，每小题2分」. */
const NUMBERED_TITLE = /^([\u4e00-\u9fa5]{1,10}?题型?)(?=$|[\s（(:：，,。.])/;

/** Most specific first: 「不定项选择」 is multiple, 「单项选择」 single. */
const TYPE_WORDS: readonly (readonly [RegExp, DocxTypeHint])[] = [
  [/判断|是非/, 'true_false'],
  [/多项选择|多选|不定项/, 'multiple_choice'],
  [/单项选择|单选|选择/, 'single_choice'],
  [/填空/, 'fill_blank'],
  [/简答|问答|综合|探究|案例|论述|分析|计算|材料/, 'short_answer'],
];

/** 「参考答案」「四、参考答案及解析」 — no colon: 「参考答案：」 opens a reference answer in place. */
const KEY_PART =
  /^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:参考答案|答案)(?:及解析|与解析|和解析)?\s*$/;

export function typeOfTitle(title: string): DocxTypeHint | undefined {
  return TYPE_WORDS.find(([pattern]) => pattern.test(title))?.[1];
}

/** The section heading a paragraph is, if it is one. */
export function sectionHeading(text: string): SectionHeading | undefined {
  const numbering = NUMBERING.exec(text);
  const rest = numbering === null ? text.trim() : text.slice(numbering[0].length).trim();
  const match = (numbering === null ? TITLE : NUMBERED_TITLE).exec(rest);
  if (match === null) return undefined;
  const title = match[1] ?? '';
  const typeHint = typeOfTitle(title);
  // Without numbering, only a name that says a type is a heading (not any short line with 题).
  if (numbering === null && typeHint === undefined) return undefined;
  return typeHint === undefined ? { title } : { title, typeHint };
}

/** Whether a paragraph opens the key part at the end of the paper. */
export function isKeyPartHeading(text: string): boolean {
  return KEY_PART.test(text);
}
