import { BlueprintSchema, CodedError, describeZodError, type Blueprint } from '@skillexam/shared';
import { DEFAULT_MAX_OVERLAP } from '../assembly/assemble-papers';
import type { AssemblySource, AssemblyStore } from '../assembly/assembly-pool';
import type { AssemblyProblem } from '../assembly/assembly-problem';
import { diagnoseSupply } from '../assembly/diagnose-supply';
import { resolveBlueprint } from '../assembly/requirements';

/*
 * 组卷方案 feasibility without a solve: the blueprint's own rules, then the assembly's counting
 * diagnosis against the bank's supply. Anyone with the bank open may check; no role needed.
 */

export interface BlueprintCheck {
  readonly valid: boolean;
  /** Schema problems (field: message). */
  readonly issues: string[];
  /** Supply problems against this bank (zh-CN, with the numbers). */
  readonly problems: AssemblyProblem[];
  readonly eligible: number;
  readonly itemCount: number;
}

export function parseBlueprint(raw: unknown): { blueprint?: Blueprint; issues: string[] } {
  const parsed = BlueprintSchema.safeParse(raw);
  if (parsed.success) return { blueprint: parsed.data, issues: [] };
  return { issues: describeZodError(parsed.error).split('; ') };
}

/** The blueprint, or a BAD_REQUEST naming every problem. */
export function requireBlueprint(raw: unknown): Blueprint {
  const { blueprint, issues } = parseBlueprint(raw);
  if (blueprint === undefined)
    throw new CodedError('BAD_REQUEST', `组卷方案有误：${issues.join('；')}`);
  return blueprint;
}

/** The items the blueprint may draw on (its exposure window applied). */
export function blueprintSource(papers: AssemblyStore, blueprint: Blueprint): AssemblySource {
  return papers.loadSource(
    blueprint.standard,
    blueprint.level,
    blueprint.exposure.notUsedInLastPapers ?? 0,
    blueprint.measuredPMinResponses,
  );
}

/** The assembly's counting diagnosis of `blueprint` against `source` (no solve). */
export function supplyProblems(
  blueprint: Blueprint,
  source: AssemblySource,
  forms: number,
  resolved = resolveBlueprint(blueprint, source),
): AssemblyProblem[] {
  const n = resolved.requirements.itemCount;
  return diagnoseSupply(resolved, {
    forms,
    maxOverlapItems: Math.floor(DEFAULT_MAX_OVERLAP * n + 1e-9),
  });
}

/** Live feasibility of an unparsed blueprint for `forms` parallel forms. */
export function checkBlueprint(papers: AssemblyStore, raw: unknown, forms: number): BlueprintCheck {
  const { blueprint, issues } = parseBlueprint(raw);
  if (blueprint === undefined)
    return { valid: false, issues, problems: [], eligible: 0, itemCount: 0 };
  const source = blueprintSource(papers, blueprint);
  const resolved = resolveBlueprint(blueprint, source);
  const problems = supplyProblems(blueprint, source, forms, resolved);
  const n = resolved.requirements.itemCount;
  return { valid: true, issues: [], problems, eligible: resolved.eligible.length, itemCount: n };
}
