import { analyzeResponses, buildResponseMatrix, type ResponseRow } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseResponsesCsv } from './responses-csv';
import { formatResponsesIssue } from './responses-issues';
import { writeResponsesCsv } from './write-responses-csv';

const items = [
  { id: 'tf-1', maxPoints: 0.5, key: ['A'] as const, options: ['A', 'B'] as const },
  { id: 'sc-1', maxPoints: 0.5, key: ['C'] as const, options: ['A', 'B', 'C', 'D'] as const },
  // 多选 with partial credit: 0.5 for a correct subset cannot be told from letters read back
  // all-or-nothing, so this column must be written as points.
  {
    id: 'mc-1',
    maxPoints: 1,
    key: ['A', 'C'] as const,
    options: ['A', 'B', 'C', 'D', 'E'] as const,
  },
  { id: 'sa-1', maxPoints: 5 },
];

const rows: ResponseRow[] = [
  {
    candidateId: 'C0001',
    cells: [
      { score: 0.5, chosen: ['A'] },
      { score: 0.5, chosen: ['C'] },
      { score: 1, chosen: ['A', 'C'] },
      { score: 4.5 },
    ],
  },
  {
    candidateId: 'C0002',
    cells: [{ score: 0, chosen: ['B'] }, undefined, { score: 0.5, chosen: ['A'] }, { score: 2 }],
  },
  {
    candidateId: 'C0003',
    cells: [{ score: 0.5, chosen: ['A'] }, { score: 0, chosen: ['D'] }, undefined, undefined],
  },
];

function readBack(text: string) {
  const parsed = parseResponsesCsv(new TextEncoder().encode(text), { fileName: 'responses.csv' });
  if (!parsed.ok) throw new Error(parsed.issues.map(formatResponsesIssue).join('\n'));
  return parsed.matrix;
}

describe('writeResponsesCsv', () => {
  const matrix = buildResponseMatrix(items, rows);
  const text = writeResponsesCsv(matrix);

  it('writes keyed choice columns as letters and the partial-credit column as points', () => {
    const lines = text.replace('\ufeff', '').trim().split('\r\n');
    expect(lines[0]).toBe('考生,tf-1,sc-1,mc-1,sa-1');
    expect(lines[1]).toBe('#答案,A,C,,');
    expect(lines[2]).toBe('#满分,0.5,0.5,1,5');
    expect(lines[3]).toBe('#选项,AB,ABCD,,');
    expect(lines[5]).toBe('C0002,B,,0.5,2');
  });

  it('reads back to the same scores, omissions and chosen options', () => {
    const back = readBack(text);
    expect(back.candidateIds).toEqual(matrix.candidateIds);
    expect([...back.scores]).toEqual([...matrix.scores]);
    expect([...back.omitted]).toEqual([...matrix.omitted]);
    const choicesOf = (m: typeof matrix, j: number) =>
      m.candidateIds.map((_, c) => m.choices?.[c * m.items.length + j]);
    expect(choicesOf(back, 0)).toEqual(choicesOf(matrix, 0));
    expect(choicesOf(back, 1)).toEqual(choicesOf(matrix, 1));
  });

  it('gives the same item statistics as the matrix it came from', () => {
    const direct = analyzeResponses(matrix);
    const viaFile = analyzeResponses(readBack(text));
    expect(viaFile.items.map((i) => i.facility)).toEqual(direct.items.map((i) => i.facility));
    expect(viaFile.test.mean).toBe(direct.test.mean);
  });

  it('quotes cells that contain commas or quotes', () => {
    const odd = buildResponseMatrix(
      [{ id: 'Q,1', maxPoints: 1 }],
      [{ candidateId: 'A "1"', cells: [{ score: 1 }] }],
    );
    expect(writeResponsesCsv(odd)).toContain('"Q,1"');
    expect(readBack(writeResponsesCsv(odd)).candidateIds).toEqual(['A "1"']);
  });
});
