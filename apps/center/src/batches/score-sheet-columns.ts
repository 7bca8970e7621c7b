/*
 * The columns of a skills score sheet (实操成绩表). Offices name them differently, so headers
 * are matched after NFKC, removing spaces, `*` and colons, and lower-casing; an explicit
 * mapping (a header text or a column letter per field) overrides what is detected.
 */

export const SCORE_SHEET_FIELDS = ['idNumber', 'name', 'skills', 'review'] as const;
export type ScoreSheetField = (typeof SCORE_SHEET_FIELDS)[number];

export const SCORE_SHEET_LABELS: Readonly<Record<ScoreSheetField, string>> = {
  idNumber: '身份证号',
  name: '姓名',
  skills: '实操成绩',
  review: '综合评审成绩',
};

const ALIASES: Readonly<Record<ScoreSheetField, readonly string[]>> = {
  idNumber: [
    '身份证号',
    '身份证号码',
    '证件号码',
    '证件号',
    '公民身份号码',
    '身份证',
    'idnumber',
    'idcard',
  ],
  name: ['姓名', '考生姓名', 'name'],
  skills: [
    '实操成绩',
    '技能成绩',
    '实操',
    '实操分数',
    '实操考核成绩',
    '技能操作成绩',
    '操作技能成绩',
    '技能考核成绩',
    '操作成绩',
    'skills',
    'skillsscore',
    'practical',
  ],
  review: [
    '综合评审成绩',
    '综合评审',
    '综合评审分数',
    '评审成绩',
    '综合评审得分',
    'review',
    'reviewscore',
  ],
};

export function normalizeHeader(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[*:：]/gu, '')
    .toLowerCase();
}

const BY_ALIAS = new Map<string, ScoreSheetField>(
  SCORE_SHEET_FIELDS.flatMap((field) =>
    ALIASES[field].map((alias) => [normalizeHeader(alias), field] as const),
  ),
);

export function fieldOfHeader(header: string): ScoreSheetField | undefined {
  return BY_ALIAS.get(normalizeHeader(header));
}

/** Spreadsheet letter of a 0-based column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column of a letter reference (`C`, `AA`), or undefined when it is not one. */
export function columnOfLetter(reference: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(reference)) return undefined;
  let n = 0;
  for (const char of reference.toUpperCase()) n = n * 26 + (char.charCodeAt(0) - 64);
  return n - 1;
}

/** `实操成绩（C 列）`: a column as messages name it. */
export function describeColumn(header: string, index: number): string {
  return `${header === '' ? '（无表头）' : header}（${columnLetter(index)} 列）`;
}
