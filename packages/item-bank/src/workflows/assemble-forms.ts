import type { AuthorRole, Progress } from '@skillexam/shared';
import {
  assemblePapers,
  DEFAULT_MAX_OVERLAP,
  type AssemblyResult,
} from '../assembly/assemble-papers';
import type { AssemblyStore } from '../assembly/assembly-pool';
import type { MipSolver } from '../assembly/mip-solver';
import { toPaperRecord, type PaperRecord } from '../assembly/paper-record';
import { recordPapers, type PaperStore } from '../assembly/paper-store';
import type { ItemStore } from '../items/item-store';
import { standardId } from '../standards/standard-document';
import { requireRole, type Actor } from './actor';
import { blueprintSource, requireBlueprint } from './check-blueprint';

/*
 * 组卷: a blueprint → one or more parallel forms by integer programming, each verified and turned
 * into a paper record. Nothing is written here: the CLI records the forms when asked
 * (`recordForms`), the workbench when a form is packaged (package-for-site.ts).
 */

/** What assembling and packaging use: the bank's papers (and their pool), items and clock. */
export interface PaperDeps {
  readonly papers: AssemblyStore & PaperStore;
  readonly items: ItemStore;
  readonly clock: () => string;
}

/** Assembling needs a 题库管理员. */
export const ASSEMBLE_ROLES: readonly AuthorRole[] = ['admin'];

export interface AssembleFormsRequest {
  /** The 组卷方案, not yet parsed (a bad one is a BAD_REQUEST naming every problem). */
  readonly blueprint: unknown;
  readonly seed: number;
  readonly forms: number;
  /** Share of items two forms may have in common (default DEFAULT_MAX_OVERLAP). */
  readonly maxOverlap?: number;
  readonly timeLimitSeconds: number;
  /** One `assembling` phase counting forms (label 第 k 套); cancelling throws CancelledError. */
  readonly progress?: Progress;
}

export type AssembledForms =
  | { readonly ok: true; readonly records: PaperRecord[]; readonly result: AssemblySuccess }
  | { readonly ok: false; readonly result: Extract<AssemblyResult, { ok: false }> };
type AssemblySuccess = Extract<AssemblyResult, { ok: true }>;

export function assembleForms(
  deps: PaperDeps,
  actor: Actor,
  request: AssembleFormsRequest,
  solver: MipSolver,
): AssembledForms {
  requireRole(actor, ASSEMBLE_ROLES);
  const blueprint = requireBlueprint(request.blueprint);
  const maxOverlap = request.maxOverlap ?? DEFAULT_MAX_OVERLAP;
  const result = assemblePapers(blueprint, blueprintSource(deps.papers, blueprint), solver, {
    seed: request.seed,
    forms: request.forms,
    maxOverlap,
    timeLimitSeconds: request.timeLimitSeconds,
    ...(request.progress === undefined ? {} : { progress: request.progress }),
  });
  if (!result.ok) return { ok: false, result };
  const assembledAt = deps.clock();
  const records = result.forms.map((form) =>
    toPaperRecord(form, {
      blueprint,
      seed: request.seed,
      formCount: request.forms,
      maxOverlap,
      assembledAt,
    }),
  );
  return { ok: true, records, result };
}

/**
 * Records papers in the bank (exposure, pinned versions), all or none; a paper already recorded
 * is a CONFLICT. `onlyNew` skips those instead.
 */
export function recordForms(
  deps: PaperDeps,
  actor: Actor,
  records: readonly PaperRecord[],
  options: { at?: string; onlyNew?: boolean } = {},
): PaperRecord[] {
  const id = requireRole(actor, ASSEMBLE_ROLES);
  const fresh =
    options.onlyNew === true
      ? records.filter((record) => !deps.papers.hasPaper(record.paper.id))
      : [...records];
  const [first] = fresh;
  if (first === undefined) return [];
  const standard = standardId(first.paper.standard.occupationCode, first.paper.standard.version);
  recordPapers(deps.papers, deps.items, fresh, standard, id, options.at ?? deps.clock());
  return fresh;
}
