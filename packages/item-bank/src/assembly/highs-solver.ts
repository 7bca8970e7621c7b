import highsLoader from 'highs';
import type { MipSolution, MipSolveOptions, MipSolver } from './mip-solver';

/*
 * HiGHS compiled to WebAssembly (npm `highs`), through its one-shot `solve(lpText)`: each
 * call gets a fresh native solver, so solves never share state. Runs on the calling thread.
 */

/** A small 0-1 model solved once at start-up, so the first real solve does not pay for warm-up. */
const WARM_UP_LP = [
  'Minimize',
  ' obj: ' + Array.from({ length: 60 }, (_, i) => `${(i % 7) + 1} w${i}`).join(' + '),
  'Subject To',
  ' c1: ' + Array.from({ length: 60 }, (_, i) => `w${i}`).join(' + ') + ' = 20',
  ' c2: ' + Array.from({ length: 30 }, (_, i) => `w${i * 2}`).join(' + ') + ' >= 12',
  'Binary',
  ' ' + Array.from({ length: 60 }, (_, i) => `w${i}`).join(' '),
  'End',
  '',
].join('\n');

export async function createHighsSolver(): Promise<MipSolver> {
  const highs = await highsLoader();
  highs.solve(WARM_UP_LP, { output_flag: false });
  return {
    name: 'HiGHS',
    version: highs.version.string,
    solve(lpText: string, options: MipSolveOptions): MipSolution {
      const started = performance.now();
      const result = highs.solve(lpText, {
        time_limit: options.timeLimitSeconds,
        mip_rel_gap: options.mipRelGap,
        random_seed: options.randomSeed,
        output_flag: false,
      });
      const timeMs = performance.now() - started;
      const status = result.Status;
      const values = new Map<string, number>();
      if (status === 'Optimal' || status === 'Time limit reached') {
        for (const [name, column] of Object.entries(result.Columns)) {
          if ('Primal' in column) values.set(name, column.Primal);
        }
      }
      if (status === 'Optimal') {
        return {
          status: 'optimal',
          solverStatus: status,
          objective: result.ObjectiveValue,
          values,
          timeMs,
        };
      }
      if (status === 'Infeasible' || status === 'Primal infeasible or unbounded') {
        return { status: 'infeasible', solverStatus: status, timeMs };
      }
      if (status === 'Time limit reached') {
        return values.size > 0
          ? {
              status: 'time_limit',
              solverStatus: status,
              objective: result.ObjectiveValue,
              values,
              timeMs,
            }
          : { status: 'time_limit', solverStatus: status, timeMs };
      }
      return { status: 'error', solverStatus: status, timeMs };
    },
  };
}
