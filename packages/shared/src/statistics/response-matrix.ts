import { OPTION_IDS, type OptionId } from '../domain/choice-option';

/*
 * The input of item analysis: candidates × items, stored row-major (candidate c, item j at
 * index c * itemCount + j) in typed arrays so that 10,000 × 200 fits in a few MB and one pass
 * over it is fast.
 *
 * - `scores[c*k+j]` is the points candidate c earned on item j, in [0, maxPoints_j]; partial
 *   credit (multiple choice with partial scoring, manually marked short answers) is any value
 *   in between. An omitted response is stored as score 0 with `omitted[c*k+j] = 1`: omitted
 *   items count 0 towards the total, as they do in the exam's own scoring and in Moodle.
 * - `choices[c*k+j]` (optional, choice items only) is a bit mask of the options chosen:
 *   bit 0 = A … bit 5 = F. It feeds distractor analysis; 0 means no option chosen.
 */

export interface ItemColumn {
  /** The item's id (a bank item id, or a column name from a response file). */
  readonly id: string;
  /** Points for a full-credit response; > 0. */
  readonly maxPoints: number;
  /** The option letters offered (choice items); enables distractor analysis. */
  readonly options?: readonly OptionId[];
  /** The keyed option letters (choice items). */
  readonly key?: readonly OptionId[];
}

export interface ResponseMatrix {
  readonly candidateIds: readonly string[];
  readonly items: readonly ItemColumn[];
  readonly scores: Float64Array;
  readonly omitted: Uint8Array;
  readonly choices?: Uint8Array;
}

/** One candidate's response to one item, for building a matrix from records. */
export interface ResponseCell {
  readonly score: number;
  readonly omitted?: boolean;
  /** Options chosen, e.g. ['A', 'C']. */
  readonly chosen?: readonly OptionId[];
}

export interface ResponseRow {
  readonly candidateId: string;
  /** One cell per item, in `items` order; `undefined` = omitted. */
  readonly cells: readonly (ResponseCell | undefined)[];
}

/** Bit mask of a set of option letters (A = 1, B = 2, C = 4, …). */
export function optionMask(options: readonly OptionId[]): number {
  let mask = 0;
  for (const option of options) mask |= 1 << OPTION_IDS.indexOf(option);
  return mask;
}

/** The option letters of a bit mask, in A–F order. */
export function optionsOfMask(mask: number): OptionId[] {
  return OPTION_IDS.filter((_, index) => (mask & (1 << index)) !== 0);
}

/** Throws a RangeError naming the first cell or item that is not valid. */
export function validateResponseMatrix(matrix: ResponseMatrix): void {
  const n = matrix.candidateIds.length;
  const k = matrix.items.length;
  const cells = n * k;
  if (matrix.scores.length !== cells || matrix.omitted.length !== cells) {
    throw new RangeError(
      `response matrix: expected ${cells} cells (${n} candidates × ${k} items), got scores ${matrix.scores.length}, omitted ${matrix.omitted.length}`,
    );
  }
  if (matrix.choices !== undefined && matrix.choices.length !== cells) {
    throw new RangeError(
      `response matrix: expected ${cells} choice cells, got ${matrix.choices.length}`,
    );
  }
  const seen = new Set<string>();
  matrix.items.forEach((item, j) => {
    if (seen.has(item.id)) throw new RangeError(`response matrix: duplicate item id "${item.id}"`);
    seen.add(item.id);
    if (!(Number.isFinite(item.maxPoints) && item.maxPoints > 0)) {
      throw new RangeError(
        `response matrix: item "${item.id}" (column ${j + 1}) has maxPoints ${item.maxPoints}; expected a number > 0`,
      );
    }
  });
  for (let c = 0; c < n; c += 1) {
    const row = c * k;
    for (let j = 0; j < k; j += 1) {
      const score = matrix.scores[row + j] ?? Number.NaN;
      const max = matrix.items[j]?.maxPoints ?? 0;
      if (!(score >= 0 && score <= max)) {
        throw new RangeError(
          `response matrix: candidate "${matrix.candidateIds[c] ?? c}", item "${matrix.items[j]?.id ?? j}": score ${score} is outside [0, ${max}]`,
        );
      }
      if (matrix.omitted[row + j] === 1 && score !== 0) {
        throw new RangeError(
          `response matrix: candidate "${matrix.candidateIds[c] ?? c}", item "${matrix.items[j]?.id ?? j}": omitted but scored ${score}`,
        );
      }
    }
  }
}

/** Builds a validated matrix from per-candidate records (e.g. a finished session's results). */
export function buildResponseMatrix(
  items: readonly ItemColumn[],
  rows: readonly ResponseRow[],
): ResponseMatrix {
  const k = items.length;
  const scores = new Float64Array(rows.length * k);
  const omitted = new Uint8Array(rows.length * k);
  const hasOptions = items.some((item) => item.options !== undefined);
  const choices = hasOptions ? new Uint8Array(rows.length * k) : undefined;
  rows.forEach((row, c) => {
    if (row.cells.length !== k) {
      throw new RangeError(
        `response matrix: candidate "${row.candidateId}" has ${row.cells.length} cells; expected ${k}`,
      );
    }
    row.cells.forEach((cell, j) => {
      const at = c * k + j;
      if (cell === undefined || cell.omitted === true) {
        omitted[at] = 1;
        return;
      }
      scores[at] = cell.score;
      if (choices !== undefined && cell.chosen !== undefined) choices[at] = optionMask(cell.chosen);
    });
  });
  const matrix: ResponseMatrix = {
    candidateIds: rows.map((row) => row.candidateId),
    items,
    scores,
    omitted,
    ...(choices === undefined ? {} : { choices }),
  };
  validateResponseMatrix(matrix);
  return matrix;
}
