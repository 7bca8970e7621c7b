import { createHash } from 'node:crypto';
import type { ItemVersionRef, ResponseMatrix } from '@skillexam/shared';

/*
 * The identity of a response file for "imported once" (docs/decisions/0902): SHA-256 of a
 * canonical form of what was read, not of the bytes, so the same data saved again (BOM, CRLF,
 * GBK, quoting, a reordered #答案 "CA") is still the same file. The form: each column's item
 * version, key and max points, then each candidate row in order, each cell as the options
 * chosen (a bit mask) or the score written, or empty when omitted. Scores of chosen options
 * are left out: they depend on the scoring options, which do not make the data new.
 */

function cellOf(matrix: ResponseMatrix, at: number): string {
  if (matrix.omitted[at] === 1) return '';
  const mask = matrix.choices?.[at] ?? 0;
  return mask !== 0 ? `m${mask}` : `s${matrix.scores[at] ?? 0}`;
}

export function responseContentSha256(
  matrix: ResponseMatrix,
  versions: ReadonlyMap<string, ItemVersionRef>,
): string {
  const k = matrix.items.length;
  const canonical = {
    columns: matrix.items.map((item) => {
      const ref = versions.get(item.id);
      return [
        item.id,
        ref?.itemId ?? null,
        ref?.version ?? null,
        item.key === undefined ? null : [...item.key].sort().join(''),
        item.maxPoints,
      ];
    }),
    rows: matrix.candidateIds.map((id, c) => [
      id,
      ...Array.from({ length: k }, (_, j) => cellOf(matrix, c * k + j)),
    ]),
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
