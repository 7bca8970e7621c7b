import { silentProgress, type Blueprint, type Paper, type Progress } from '@skillexam/shared';
import {
  checkPaperAgainstBlueprint,
  type ConstraintCheck,
} from '../blueprints/check-paper-against-blueprint';
import type { AssemblySource } from './assembly-pool';
import type { AssemblyProblem } from './assembly-problem';
import { buildPaper, formLabel } from './build-paper';
import { diagnoseInfeasible } from './diagnose-infeasible';
import { diagnoseSupply } from './diagnose-supply';
import { buildLpModel, type FormConstraints } from './lp-model';
import type { MipSolver } from './mip-solver';
import { reducePool } from './pool-reduction';
import { resolveBlueprint, type EligibleItem, type ResolvedBlueprint } from './requirements';

/*
 * Assembly of one paper or N parallel forms (A/B/C 卷). Forms are solved one after another:
 * form k may share at most ⌊maxOverlap·n⌋ items with each earlier form, and its mean p must lie
 * within 0.02 of every earlier form's (docs/decisions/0351-sequential-parallel-forms.md).
 * Every paper is checked by the independent checker before it is returned.
 */

export interface AssembleOptions {
  readonly seed: number;
  readonly forms?: number;
  /** Share of items two forms may have in common, e.g. 0.15. */
  readonly maxOverlap?: number;
  readonly timeLimitSeconds?: number;
  readonly mipRelGap?: number;
  /** Paper ids: `${prefix}-${label}`; defaults to `${blueprint.id}-s${seed}`. */
  readonly paperIdPrefix?: string;
  /** Tests only: go straight to the solver even when the counting diagnosis finds a problem. */
  readonly skipSupplyDiagnosis?: boolean;
  /** Forms assembled so far (docs/decisions/0942); cancelling throws CancelledError. */
  readonly progress?: Progress;
}

export interface SolverStats {
  readonly solver: string;
  readonly version: string;
  readonly status: string;
  readonly objective?: number;
  readonly timeMs: number;
  readonly mipRelGap: number;
  readonly timeLimitSeconds: number;
  readonly variables: number;
  readonly constraints: number;
}

export interface AssembledForm {
  readonly label: string;
  readonly paper: Paper;
  readonly items: readonly EligibleItem[];
  readonly meanP: number;
  readonly solver: SolverStats;
  readonly checks: readonly ConstraintCheck[];
}

export interface AssemblyTimings {
  readonly resolveMs: number;
  readonly diagnoseMs: number;
  readonly solveMs: number;
  readonly totalMs: number;
}

export type AssemblyResult =
  | {
      readonly ok: true;
      readonly forms: readonly AssembledForm[];
      readonly resolved: ResolvedBlueprint;
      readonly timings: AssemblyTimings;
    }
  | {
      readonly ok: false;
      readonly stage: 'supply' | 'solver' | 'verification';
      readonly problems: readonly AssemblyProblem[];
      readonly resolved: ResolvedBlueprint;
      readonly timings: AssemblyTimings;
    };

export const DEFAULT_MAX_OVERLAP = 0.15;
const MEAN_P_SPREAD = 0.02;

function meanP(items: readonly EligibleItem[]): number {
  return items.reduce((sum, item) => sum + item.p, 0) / Math.max(1, items.length);
}

export function assemblePapers(
  blueprint: Blueprint,
  source: AssemblySource,
  solver: MipSolver,
  options: AssembleOptions,
): AssemblyResult {
  const started = performance.now();
  const formCount = options.forms ?? 1;
  const maxOverlap = options.maxOverlap ?? DEFAULT_MAX_OVERLAP;
  const timeLimitSeconds = options.timeLimitSeconds ?? 60;
  const mipRelGap = options.mipRelGap ?? 0.01;
  const resolved = resolveBlueprint(blueprint, source);
  const resolvedAt = performance.now();
  const n = resolved.requirements.itemCount;
  const maxOverlapItems = Math.floor(maxOverlap * n + 1e-9);
  const supplyProblems = diagnoseSupply(resolved, { forms: formCount, maxOverlapItems });
  const diagnosedAt = performance.now();
  const timings = (solveMs: number): AssemblyTimings => ({
    resolveMs: resolvedAt - started,
    diagnoseMs: diagnosedAt - resolvedAt,
    solveMs,
    totalMs: performance.now() - started,
  });
  const configProblems = supplyProblems.filter((problem) => problem.family === 'config');
  if (
    configProblems.length > 0 ||
    (supplyProblems.length > 0 && options.skipSupplyDiagnosis !== true)
  ) {
    return { ok: false, stage: 'supply', problems: supplyProblems, resolved, timings: timings(0) };
  }

  const prefix = options.paperIdPrefix ?? `${blueprint.id}-s${options.seed}`;
  const progress = options.progress ?? silentProgress;
  const forms: AssembledForm[] = [];
  let solveMs = 0;
  for (let index = 0; index < formCount; index += 1) {
    const label = formLabel(index);
    // One phase per form, counting forms (HiGHS's wasm build reports no iterations while it solves).
    const formPhase = progress.phase('assembling', {
      label: `第 ${index + 1} 套`,
      total: formCount,
      unit: 'forms',
    });
    if (index > 0) formPhase.advance(index);
    const means = forms.map((form) => form.meanP);
    const constraints: FormConstraints | undefined =
      index === 0
        ? undefined
        : {
            earlierForms: forms.map((form) => new Set(form.items.map((item) => item.itemId))),
            maxOverlapItems,
            meanPBand: {
              lo: Math.max(...means) - MEAN_P_SPREAD + 1e-6,
              hi: Math.min(...means) + MEAN_P_SPREAD - 1e-6,
            },
          };
    const formSeed = options.seed + index * 7919;
    const solveForm = (formConstraints: FormConstraints | undefined, exactP: boolean) => {
      const columns = reducePool(resolved, { seed: formSeed, formNumber: index + 1, exactP });
      const built = buildLpModel(resolved, {
        seed: formSeed,
        columns,
        ...(formConstraints === undefined ? {} : { forms: formConstraints }),
      });
      const solved = solver.solve(built.text, {
        timeLimitSeconds,
        mipRelGap,
        randomSeed: options.seed,
      });
      solveMs += solved.timeMs;
      return { model: built, solution: solved };
    };
    const meanTarget = resolved.requirements.difficulty?.kind === 'meanP';
    // First without the mean-p band (a much smaller exact reduction); when the result already
    // lies inside the band it is optimal for the banded model too. Otherwise solve with it.
    let attempt = solveForm(
      constraints === undefined
        ? undefined
        : { earlierForms: constraints.earlierForms, maxOverlapItems: constraints.maxOverlapItems },
      meanTarget,
    );
    if (constraints?.meanPBand !== undefined && attempt.solution.values !== undefined) {
      const firstValues = attempt.solution.values;
      const picked = attempt.model.columns.filter((_, c) => (firstValues.get(`x${c}`) ?? 0) > 0.5);
      const mean = meanP(picked);
      if (mean < constraints.meanPBand.lo || mean > constraints.meanPBand.hi) {
        attempt = solveForm(constraints, true);
      }
    }
    const { model, solution } = attempt;
    if (solution.values === undefined) {
      const problems =
        solution.status === 'infeasible'
          ? diagnoseInfeasible(resolved, solver, formSeed, constraints, label)
          : [
              {
                family: 'config' as const,
                message: `${label}卷：求解器在 ${timeLimitSeconds} 秒内未找到可行的试卷（${solution.solverStatus}）`,
              },
            ];
      return { ok: false, stage: 'solver', problems, resolved, timings: timings(solveMs) };
    }
    const values = solution.values;
    const chosen = model.columns.filter((_, column) => (values.get(`x${column}`) ?? 0) > 0.5);
    const paper = buildPaper(blueprint, `${prefix}-${label}`, label, chosen);
    forms.push({
      label,
      paper,
      items: chosen,
      meanP: meanP(chosen),
      solver: {
        solver: solver.name,
        version: solver.version,
        status: solution.solverStatus,
        ...(solution.objective === undefined ? {} : { objective: solution.objective }),
        timeMs: solution.timeMs,
        mipRelGap,
        timeLimitSeconds,
        variables: model.columns.length,
        constraints: model.rowCount,
      },
      checks: [],
    });
    formPhase.advance();
    formPhase.end();
  }
  const verifying = progress.phase('verifying', { total: forms.length, unit: 'forms' });

  const facts = new Map(source.items.map((item) => [item.itemId, item]));
  const papers = forms.map((form) => form.paper);
  const checked = forms.map((form) => {
    const checks = checkPaperAgainstBlueprint({
      paper: form.paper,
      blueprint,
      weights: source.weights,
      items: facts,
      recentlyUsed: source.recentlyUsed,
      otherForms: papers,
      maxOverlap,
    });
    verifying.advance();
    return { ...form, checks };
  });
  verifying.end();
  const failed = checked.flatMap((form) =>
    form.checks.filter((check) => !check.ok).map((check) => ({ form: form.label, check })),
  );
  if (failed.length > 0) {
    return {
      ok: false,
      stage: 'verification',
      problems: failed.map(({ form, check }) => ({
        family: 'config' as const,
        message: `内部错误：${form}卷未通过独立校验「${check.label}」：实际 ${check.actual}，要求 ${check.required}`,
      })),
      resolved,
      timings: timings(solveMs),
    };
  }
  return { ok: true, forms: checked, resolved, timings: timings(solveMs) };
}
