import { FAMILY_NAMES, type AssemblyProblem, type ConstraintFamily } from './assembly-problem';
import { buildLpModel, type FormConstraints } from './lp-model';
import type { MipSolver } from './mip-solver';
import { reducePool } from './pool-reduction';
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
    // The exact pool reduction needs the per-point cap, so only that family uses every item.
    const columns =
      family === 'points'
        ? resolved.eligible
        : reducePool(resolved, {
            seed,
            formNumber: (forms?.earlierForms.length ?? 0) + 1,
            exactP: true,
          });
    const model = buildLpModel(resolved, {
      seed,
      columns,
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
  const advice = '系统不会自动放宽，请补充试题或修改组卷方案';
  return causes.map((family) => {
    const others = causes.filter((other) => other !== family).map((f) => `“${FAMILY_NAMES[f]}”`);
    return {
      family,
      message:
        others.length === 0
          ? `${prefix}“${FAMILY_NAMES[family]}”与其他要求无法同时满足：去掉这一类要求即可组卷。${advice}`
          : `${prefix}“${FAMILY_NAMES[family]}”与${others.join('、')}相互冲突：去掉其中任意一类要求即可组卷。${advice}`,
    };
  });
}
