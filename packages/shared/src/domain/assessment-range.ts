import { z } from 'zod';
import { findDuplicates, nameSchema, PercentSchema, sumsMatch } from './common';
import { AssessmentPointSchema, type AssessmentPoint } from './assessment-point';
import { THEORY_LEVEL_CODES, TheoryLevelCodeSchema, type TheoryLevelCode } from './level';

/*
 * 鉴定范围: the layered part of the 鉴定要素细目表. The first layer is usually
 * A 基本要求 / B 相关知识; the tree is 1–6 layers deep and its deepest ranges hold 鉴定点.
 *
 * Code format (a decision): as in the printed 细目表, each range has a LOCAL code, one or two
 * capital letters assigned per layer (A, B, C …). The full path code joins the local codes of
 * the ancestors with "-": `A` → `A-B` → `A-B-C`; a point adds its own three digits:
 * `A-B-C-001`. Path codes are unique within one tree and are what weights and items refer to.
 */

export const MAX_RANGE_DEPTH = 6;

export const RangeCodeSchema = z
  .string()
  .regex(/^[A-Z]{1,2}$/, 'A 鉴定范围 code is one or two capital letters (A, B, …)');

/** A range's full path code, e.g. `A`, `B-C`, `A-B-C-D-E-F` (at most six layers). */
export const RangePathCodeSchema = z
  .string()
  .regex(
    /^[A-Z]{1,2}(?:-[A-Z]{1,2}){0,5}$/,
    'A 鉴定范围 path code joins one to six range codes with "-", e.g. A-B',
  );
export type RangePathCode = z.infer<typeof RangePathCodeSchema>;

/** 鉴定比重 per level, in percent; a level without an entry does not include the range ("—"). */
export const LevelWeightsSchema = z.partialRecord(TheoryLevelCodeSchema, PercentSchema);
export type LevelWeights = z.infer<typeof LevelWeightsSchema>;

const assessmentRangeFields = z.object({
  code: RangeCodeSchema,
  name: nameSchema(200),
  weights: LevelWeightsSchema.default({}),
  points: z.array(AssessmentPointSchema).optional(),
});

/**
 * One 鉴定范围 node. A node has sub-ranges or 鉴定点, not both. The fields' types come from
 * the schema above; only the recursive `children` edge is written by hand, because a
 * self-referencing schema's inferred type would be lost (`any`) in the emitted declarations.
 */
export type AssessmentRange = z.output<typeof assessmentRangeFields> & {
  children?: AssessmentRange[] | undefined;
};
export type AssessmentRangeInput = z.input<typeof assessmentRangeFields> & {
  children?: AssessmentRangeInput[] | undefined;
};

export const AssessmentRangeSchema: z.ZodType<AssessmentRange, AssessmentRangeInput> =
  assessmentRangeFields.extend({
    get children() {
      return z.array(AssessmentRangeSchema).optional();
    },
  });

export function rangePathCode(codes: readonly string[]): string {
  return codes.join('-');
}

export function assessmentPointPath(rangePath: string, pointCode: string): string {
  return `${rangePath}-${pointCode}`;
}

export interface RangeEntry {
  readonly path: string;
  /** 1 for a top-level range. */
  readonly depth: number;
  readonly range: AssessmentRange;
}

/** Every range of a tree, parents before children, with its path code and depth. */
export function flattenRanges(ranges: readonly AssessmentRange[], parentPath = ''): RangeEntry[] {
  return ranges.flatMap((range) => {
    const path = parentPath === '' ? range.code : `${parentPath}-${range.code}`;
    const depth = path.split('-').length;
    return [{ path, depth, range }, ...flattenRanges(range.children ?? [], path)];
  });
}

export interface PointEntry {
  readonly path: string;
  readonly rangePath: string;
  readonly point: AssessmentPoint;
}

/** Every 鉴定点 of a tree with its full path code, e.g. `A-B-001`. */
export function listAssessmentPoints(ranges: readonly AssessmentRange[]): PointEntry[] {
  return flattenRanges(ranges).flatMap(({ path, range }) =>
    (range.points ?? []).map((point) => ({
      path: assessmentPointPath(path, point.code),
      rangePath: path,
      point,
    })),
  );
}

type Issue = { path: (string | number)[]; message: string };

function levelSum(ranges: readonly AssessmentRange[], level: TheoryLevelCode): number | undefined {
  const weights = ranges.flatMap((range) => {
    const weight = range.weights[level];
    return weight === undefined ? [] : [weight];
  });
  return weights.length === 0 ? undefined : weights.reduce((sum, weight) => sum + weight, 0);
}

function checkSiblings(
  ranges: readonly AssessmentRange[],
  path: (string | number)[],
  parent: AssessmentRange | undefined,
  depth: number,
  issues: Issue[],
): void {
  for (const code of findDuplicates(ranges.map((range) => range.code))) {
    issues.push({ path, message: `鉴定范围 code "${code}" is used twice at the same layer` });
  }
  for (const level of THEORY_LEVEL_CODES) {
    const sum = levelSum(ranges, level);
    if (sum === undefined) continue;
    const expected = parent === undefined ? 100 : parent.weights[level];
    const owner = parent === undefined ? 'top-level 鉴定范围' : `sub-ranges of "${parent.code}"`;
    if (expected === undefined) {
      issues.push({
        path,
        message: `${owner} have level ${level} weights but their parent has none`,
      });
    } else if (!sumsMatch(sum, expected)) {
      issues.push({
        path,
        message: `Level ${level} weights of the ${owner} sum to ${sum}%, expected ${expected}%`,
      });
    }
  }
  ranges.forEach((range, index) => {
    const here = [...path, index];
    if (depth > MAX_RANGE_DEPTH) {
      issues.push({ path: here, message: `鉴定范围 nest at most ${MAX_RANGE_DEPTH} layers deep` });
      return;
    }
    const children = range.children ?? [];
    const points = range.points ?? [];
    if (children.length > 0 && points.length > 0) {
      issues.push({
        path: here,
        message: `鉴定范围 "${range.code}" has both sub-ranges and 鉴定点; points belong to the deepest layer`,
      });
    }
    for (const code of findDuplicates(points.map((point) => point.code))) {
      issues.push({
        path: [...here, 'points'],
        message: `鉴定点 code "${code}" is used twice in "${range.code}"`,
      });
    }
    if (children.length > 0)
      checkSiblings(children, [...here, 'children'], range, depth + 1, issues);
  });
}

/**
 * A whole 鉴定范围 tree, checked: unique codes per layer, at most six layers, points only on
 * leaves, and for every level the top-level weights sum to 100 and sub-range weights to
 * their parent's weight (ranges without a weight for a level are not part of it).
 */
export const AssessmentRangeTreeSchema = z
  .array(AssessmentRangeSchema)
  .min(1)
  .superRefine((ranges, ctx) => {
    const issues: Issue[] = [];
    checkSiblings(ranges, [], undefined, 1, issues);
    for (const issue of issues) ctx.addIssue({ code: 'custom', ...issue });
  });
export type AssessmentRangeTree = z.infer<typeof AssessmentRangeTreeSchema>;
