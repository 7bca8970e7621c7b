/** One problem found in a response file: where it is and what was expected. */
export interface ResponsesIssue {
  readonly file: string;
  /** Record number, the header being row 1 (as Excel shows it). */
  readonly row?: number;
  /** Header name and spreadsheet column letter, e.g. "Q003（D 列）". */
  readonly column?: string;
  readonly reason: string;
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** "responses.csv 第 3 行 Q002（C 列）：分数 3 超过本题满分 2" */
export function formatResponsesIssue(issue: ResponsesIssue): string {
  const where = [
    issue.file,
    ...(issue.row === undefined ? [] : [`第 ${issue.row} 行`]),
    ...(issue.column === undefined ? [] : [issue.column]),
  ].join(' ');
  return `${where}：${issue.reason}`;
}
