import { FAMILY_NAMES, type AssemblyProblem, type ConstraintFamily } from './assembly-problem';
import { buildLpModel, type FormConstraints } from './lp-model';
import type { MipSolver } from './mip-solver';
import type { ResolvedBlueprint } from './requirements';

/*
 * Infeasibility diagnosis AFTER the solver proved there is no paper: leave out one family of
 * requirements at a time and solve again. A family whose removal makes a paper possible is a
 * cause, and is reported in words. This is diagnosis only: no paper is ever made this way.
 */

const RELAXABLE: readonly ConstraintFamily[] = [
  'ranges',
  'importance',
  'difficulty',
  'points',
  'enemies',
  'forms',
];

export function diagnoseInfeasible(
  resolved: ResolvedBlueprint,
  solver: MipSolver,
  seed: number,
  forms: FormConstraints | undefined,
  formLabel: string,
): AssemblyProblem[] {
  const present = RELAXABLE.filter((family) => {
    const req = resolved.requirements;
    switch (family) {
      case 'difficulty':
        return req.difficulty !== undefined;
      case 'importance':
        return req.importance.length > 0;
      case 'enemies':
        return req.enemyGroups.length > 0;
      case 'forms':
        return forms !== undefined;
      default:
        return true;
    }
  });
  const causes = present.filter((family) => {
    const model = buildLpModel(resolved, {
      seed,
      ...(forms === undefined ? {} : { forms }),
      omit: new Set([family]),
    });
    const result = solver.solve(model.text, {
      timeLimitSeconds: 10,
      mipRelGap: 1,
      randomSeed: seed,
    });
    return (
      result.status === 'optimal' || (result.status === 'time_limit' && result.values !== undefined)
    );
  });
  const prefix = `${formLabel}卷：`;
  if (causes.length === 0) {
    return [
      {
        family: 'config',
        message: `${prefix}题库无法同时满足全部要求；单独去掉任何一类要求（${present.map((f) => FAMILY_NAMES[f]).join('、')}）仍无法组卷，需要补充试题或放宽多项要求`,
      },
    ];
  }
  return causes.map((family) => ({
    family,
    message: `${prefix}“${FAMILY_NAMES[family]}”与其他要求无法同时满足：只有去掉这一类要求才能组卷。系统不会自动放宽，请补充试题或修改组卷方案`,
  }));
}
