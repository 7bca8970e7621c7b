import { describe, expect, it } from 'vitest';
import {
  AssessmentRangeTreeSchema,
  flattenRanges,
  listAssessmentPoints,
  RangePathCodeSchema,
  type AssessmentRange,
} from './assessment-range';

/** Shaped after the 中式烹调师（中级）细目表: A 基本要求 / B 相关知识, points on the leaves. */
function makeTree(): AssessmentRange[] {
  return [
    {
      code: 'A',
      name: '基本要求',
      weights: { 4: 25, 3: 20 },
      children: [
        {
          code: 'A',
          name: '职业道德',
          weights: { 4: 5, 3: 5 },
          points: [
            { code: '001', name: '道德的概念', importance: 'Y' },
            { code: '002', name: '职业道德的概念', importance: 'X' },
          ],
        },
        {
          code: 'B',
          name: '饮食卫生知识',
          weights: { 4: 20, 3: 15 },
          points: [{ code: '001', name: '微生物污染', importance: 'X' }],
        },
      ],
    },
    {
      code: 'B',
      name: '相关知识',
      weights: { 4: 75, 3: 80 },
      children: [
        { code: 'A', name: '原料初加工', weights: { 4: 75, 3: 50 } },
        { code: 'B', name: '培训与指导', weights: { 3: 30 } },
      ],
    },
  ];
}
const tree = makeTree();

function nest(depth: number): AssessmentRange {
  const leaf: AssessmentRange = { code: 'A', name: `第${depth}层`, weights: { 4: 100 } };
  return depth === 1 ? leaf : { ...leaf, children: [nest(depth - 1)] };
}

describe('AssessmentRangeTreeSchema', () => {
  it('accepts a tree whose weights add up per level (a range can be absent at a level)', () => {
    expect(AssessmentRangeTreeSchema.safeParse(tree).error).toBeUndefined();
  });

  it('reports top-level weights that do not total 100 and children that do not match their parent', () => {
    const broken = makeTree();
    broken[1]!.weights[4] = 70;
    const messages = AssessmentRangeTreeSchema.safeParse(broken).error?.issues.map(
      (issue) => issue.message,
    );
    expect(messages).toContain(
      'Level 4 weights of the top-level 鉴定范围 sum to 95%, expected 100%',
    );
    expect(messages).toContain('Level 4 weights of the sub-ranges of "B" sum to 75%, expected 70%');
  });

  it('reports duplicate codes, points beside sub-ranges, and duplicate point codes', () => {
    const broken = makeTree();
    broken[1]!.code = 'A';
    broken[0]!.points = [{ code: '001', name: 'x', importance: 'Z' }];
    broken[0]!.children![0]!.points!.push({ code: '001', name: '重复', importance: 'X' });
    const issues = AssessmentRangeTreeSchema.safeParse(broken).error?.issues ?? [];
    const messages = issues.map((issue) => issue.message);
    expect(messages).toContain('鉴定范围 code "A" is used twice at the same layer');
    expect(messages.some((message) => message.includes('both sub-ranges and 鉴定点'))).toBe(true);
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: [0, 'children', 0, 'points'],
        message: '鉴定点 code "001" is used twice in "A"',
      }),
    );
  });

  it('allows six layers and refuses seven', () => {
    expect(AssessmentRangeTreeSchema.safeParse([nest(6)]).success).toBe(true);
    const messages = AssessmentRangeTreeSchema.safeParse([nest(7)]).error?.issues.map(
      (issue) => issue.message,
    );
    expect(messages).toEqual(['鉴定范围 nest at most 6 layers deep']);
  });

  it('rejects malformed codes and importance', () => {
    expect(AssessmentRangeTreeSchema.safeParse([{ ...tree[0], code: 'A-01' }]).success).toBe(false);
    const badPoint = [
      {
        code: 'A',
        name: 'x',
        weights: { 4: 100 },
        points: [{ code: '1', name: 'p', importance: 'W' }],
      },
    ];
    expect(AssessmentRangeTreeSchema.safeParse(badPoint).error?.issues).toHaveLength(2);
  });
});

describe('tree helpers', () => {
  it('flattens ranges with path codes and depth', () => {
    expect(flattenRanges(tree).map(({ path, depth }) => `${path}@${depth}`)).toEqual([
      'A@1',
      'A-A@2',
      'A-B@2',
      'B@1',
      'B-A@2',
      'B-B@2',
    ]);
  });

  it('lists points with their full codes', () => {
    expect(listAssessmentPoints(tree).map((entry) => entry.path)).toEqual([
      'A-A-001',
      'A-A-002',
      'A-B-001',
    ]);
  });

  it('validates path codes', () => {
    expect(RangePathCodeSchema.safeParse('A-B-C-D-E-F').success).toBe(true);
    expect(RangePathCodeSchema.safeParse('A-B-C-D-E-F-G').success).toBe(false);
    expect(RangePathCodeSchema.safeParse('A-01').success).toBe(false);
  });
});
