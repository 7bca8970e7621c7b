import {
  optionsOfMask,
  scoreItem,
  type ItemColumn,
  type OptionId,
  type ResponseMatrix,
} from '@skillexam/shared';
import type { ResponsesIdentity } from './responses-csv';

/*
 * Writes a response matrix as the response file `qbank analyze` / `qbank stats import` read
 * (docs/formats/responses-csv.md): the proctor server's statistics export for the bank.
 *
 * Choice columns are written as the letters chosen, with #答案 and #选项 rows, so the bank keeps
 * the distractor analysis — but only when re-scoring those letters the way the file is read
 * (all-or-nothing) gives back exactly the points in the matrix. Otherwise (partial credit,
 * manual marks, items without a key) the column is written as points with a #满分 row. The
 * file therefore always reproduces the scores the candidates got.
 */

function letterScore(column: ItemColumn, key: readonly OptionId[], chosen: OptionId[]): number {
  const answerKey =
    key.length === 1
      ? { type: 'single_choice' as const, key: key[0] ?? 'A' }
      : { type: 'multiple_choice' as const, key: [...key] };
  const score = scoreItem(
    answerKey,
    { kind: 'choice', selected: chosen },
    {
      pointsEach: column.maxPoints,
    },
  );
  return score.status === 'scored' ? score.points : Number.NaN;
}

/** Whether every cell of choice column `j` can be written as letters without changing a score. */
function lettersReproduceScores(matrix: ResponseMatrix, j: number): boolean {
  const column = matrix.items[j];
  const { choices } = matrix;
  if (column?.key === undefined || column.options === undefined || choices === undefined)
    return false;
  const k = matrix.items.length;
  for (let c = 0; c < matrix.candidateIds.length; c += 1) {
    const cell = c * k + j;
    if (matrix.omitted[cell] === 1) continue;
    const chosen = optionsOfMask(choices[cell] ?? 0);
    if (chosen.length === 0) return false;
    if (letterScore(column, column.key, chosen) !== matrix.scores[cell]) return false;
  }
  return true;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function numberText(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/**
 * The response file (UTF-8 with BOM, CRLF, as Chinese Excel expects). `identity` adds the
 * `#考试` / `#场次` / `#日期` rows, so `qbank stats import` knows the administration by itself.
 */
export function writeResponsesCsv(
  matrix: ResponseMatrix,
  firstHeader = '考生',
  identity: ResponsesIdentity = {},
): string {
  const k = matrix.items.length;
  const asLetters = matrix.items.map((_, j) => lettersReproduceScores(matrix, j));
  const pad = matrix.items.slice(1).map(() => '');
  const rows: string[][] = [
    [firstHeader, ...matrix.items.map((item) => item.id)],
    ['#答案', ...matrix.items.map((item, j) => (asLetters[j] ? (item.key ?? []).join('') : ''))],
    ['#满分', ...matrix.items.map((item) => numberText(item.maxPoints))],
    [
      '#选项',
      ...matrix.items.map((item, j) => (asLetters[j] ? (item.options ?? []).join('') : '')),
    ],
    ...(identity.examId === undefined ? [] : [['#考试', identity.examId, ...pad]]),
    ...(identity.sessionId === undefined ? [] : [['#场次', identity.sessionId, ...pad]]),
    ...(identity.administeredOn === undefined ? [] : [['#日期', identity.administeredOn, ...pad]]),
  ];
  matrix.candidateIds.forEach((candidateId, c) => {
    const cells = matrix.items.map((_, j) => {
      const cell = c * k + j;
      if (matrix.omitted[cell] === 1) return '';
      return asLetters[j]
        ? optionsOfMask(matrix.choices?.[cell] ?? 0).join('')
        : numberText(matrix.scores[cell] ?? 0);
    });
    rows.push([candidateId, ...cells]);
  });
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
