import type { AuthoredDifficulty } from '@skillexam/shared';

/*
 * Difficulty of an item for assembly. The measured p (proportion correct, from `qbank stats
 * import`) wins when the bank has one; otherwise the writer's 1–5 rating maps to a nominal p.
 * Bands follow the usual 易/中/难 cut-offs on p (docs/formats/blueprint.md).
 */

export type DifficultyBand = 'easy' | 'medium' | 'hard';
export const DIFFICULTY_BANDS: readonly DifficultyBand[] = ['easy', 'medium', 'hard'];

export const BAND_NAMES: Record<DifficultyBand, string> = { easy: '易', medium: '中', hard: '难' };

/** 作者难度 1 (easiest) … 5 (hardest) → nominal p. */
export const NOMINAL_P: Readonly<Partial<Record<AuthoredDifficulty, number>>> = {
  1: 0.9,
  2: 0.75,
  3: 0.6,
  4: 0.45,
  5: 0.3,
};

/** p ≥ 0.7 is easy, 0.5 ≤ p < 0.7 medium, p < 0.5 hard. */
export function bandOfP(p: number): DifficultyBand {
  if (p >= 0.7) return 'easy';
  if (p >= 0.5) return 'medium';
  return 'hard';
}

export interface DifficultyFacts {
  readonly difficulty: AuthoredDifficulty;
  readonly empiricalP?: number;
}

export function effectiveP(item: DifficultyFacts): number {
  return item.empiricalP ?? NOMINAL_P[item.difficulty] ?? NOMINAL_P[3] ?? 0.6;
}
