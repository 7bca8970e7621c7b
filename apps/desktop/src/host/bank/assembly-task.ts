import type { Progress } from '@skillexam/shared';
import {
  assembleForms,
  createAssemblyRepository,
  type Actor,
  type AssemblyProblem,
  type Bank,
  type MipSolver,
  type PaperDeps,
  type PaperRecord,
} from '@skillexam/item-bank';

/*
 * Assembly as plain data in, plain data out, so the same code runs in the host's thread or in a
 * worker thread with its own connection to the bank file (assembly-runner.ts).
 */

export type AssemblyTask = {
  readonly kind: 'assembly';
  readonly actor: Actor;
  readonly blueprint: unknown;
  readonly seed: number;
  readonly forms: number;
};

/** Assembled forms (kept by the paper service until packaged) or why there are none. */
export type AssemblyOutcome =
  | {
      readonly ok: true;
      readonly records: PaperRecord[];
      /** Items per form, in the records' order. */
      readonly itemCounts: number[];
      readonly totalMs: number;
    }
  | {
      readonly ok: false;
      readonly stage: string;
      readonly problems: AssemblyProblem[];
      readonly totalMs: number;
    };

/** The open bank's papers, items and clock, for the paper workflows. */
export function paperDeps(bank: Bank): PaperDeps {
  return {
    papers: createAssemblyRepository(bank.db, bank.standards),
    items: bank.items,
    clock: bank.clock,
  };
}

export function runAssemblyTask(
  bank: Bank,
  task: AssemblyTask,
  progress: Progress,
  solver: MipSolver,
): AssemblyOutcome {
  const request = {
    blueprint: task.blueprint,
    seed: task.seed,
    forms: task.forms,
    timeLimitSeconds: 60,
    progress,
  };
  const assembled = assembleForms(paperDeps(bank), task.actor, request, solver);
  if (!assembled.ok) {
    const { result } = assembled;
    return {
      ok: false,
      stage: result.stage,
      problems: [...result.problems],
      totalMs: result.timings.totalMs,
    };
  }
  return {
    ok: true,
    records: assembled.records,
    itemCounts: assembled.result.forms.map((form) => form.items.length),
    totalMs: assembled.result.timings.totalMs,
  };
}
