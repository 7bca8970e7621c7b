/*
 * The solver as assembly sees it: a CPLEX LP text in, a status and column values out.
 * `highs-solver.ts` implements it with HiGHS (WebAssembly); tests may use the same.
 */

export type MipStatus = 'optimal' | 'infeasible' | 'time_limit' | 'error';

export interface MipSolveOptions {
  readonly timeLimitSeconds: number;
  readonly mipRelGap: number;
  readonly randomSeed: number;
}

export interface MipSolution {
  readonly status: MipStatus;
  /** HiGHS's own words for the status, e.g. "Optimal", "Time limit reached". */
  readonly solverStatus: string;
  readonly objective?: number;
  /** Column values when a feasible solution exists (also after a time limit with one). */
  readonly values?: ReadonlyMap<string, number>;
  readonly timeMs: number;
}

export interface MipSolver {
  readonly name: string;
  readonly version: string;
  solve(lpText: string, options: MipSolveOptions): MipSolution;
}
