import { normalQuantile, twoSidedP } from './normal-distribution';

/*
 * Compares each site with the rest of the province, per occupation and level
 * (docs/decisions/1031-site-outlier-tests.md): the pass rate by a two-proportion z-test, the
 * mean score and the mean answering time by a two-sample (Welch) z-test. A comparison runs only
 * when both sides have at least MIN_N candidates (and, for pass rates, at least 5 expected
 * passes and fails on the site's side); it is flagged when |z| exceeds the Bonferroni critical
 * value for a two-sided family-wise α over the occupation and level's sites. Pure.
 */

export const MIN_N = 30;
export const FAMILY_ALPHA = 0.01;
export const HISTOGRAM_BINS = 10;

/** Moments of one site's results for one occupation and level (scores on a 100-point scale). */
export interface SiteGroup {
  readonly siteId: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
  /** Candidates with a final result (pass or fail). */
  readonly n: number;
  readonly passed: number;
  readonly scoreSum: number;
  readonly scoreSquares: number;
  /** Counts of scores in [0,10), [10,20) … [90,100]. */
  readonly histogram: readonly number[];
  readonly timedN: number;
  readonly secondsSum: number;
  readonly secondsSquares: number;
}

export type Comparison =
  | {
      readonly tested: true;
      readonly z: number;
      readonly p: number;
      readonly flagged: boolean;
      readonly direction: 'higher' | 'lower';
    }
  | { readonly tested: false; readonly reason: string };

export interface SiteReport {
  readonly siteId: string;
  readonly siteName: string;
  readonly occupationAndLevel: string;
  readonly n: number;
  readonly passRate: number | null;
  readonly meanScore: number | null;
  readonly sdScore: number | null;
  readonly histogram: readonly number[];
  readonly meanAnswerSeconds: number | null;
  readonly comparisons: {
    readonly passRate: Comparison;
    readonly meanScore: Comparison;
    readonly meanAnswerSeconds: Comparison;
  };
}

export interface OccupationReport {
  readonly occupationAndLevel: string;
  readonly province: Omit<SiteReport, 'siteId' | 'siteName' | 'comparisons' | 'occupationAndLevel'>;
  /** |z| at or above which a comparison is flagged. */
  readonly criticalZ: number;
  readonly sites: readonly SiteReport[];
}

interface Moments {
  readonly n: number;
  readonly sum: number;
  readonly squares: number;
}

function mean(m: Moments): number | null {
  return m.n === 0 ? null : m.sum / m.n;
}

function variance(m: Moments): number {
  if (m.n < 2) return 0;
  return Math.max(0, (m.squares - (m.sum * m.sum) / m.n) / (m.n - 1));
}

function tested(z: number, critical: number): Comparison {
  return {
    tested: true,
    z,
    p: twoSidedP(z),
    flagged: Math.abs(z) >= critical,
    direction: z >= 0 ? 'higher' : 'lower',
  };
}

const tooFew = (what: string): Comparison => ({
  tested: false,
  reason: `${what}不足 ${MIN_N} 人，不作比较 (fewer than ${MIN_N})`,
});

export function comparePassRate(
  site: { n: number; passed: number },
  rest: { n: number; passed: number },
  critical: number,
): Comparison {
  if (site.n < MIN_N || rest.n < MIN_N)
    return tooFew(site.n < MIN_N ? '本考点考生' : '其他考点考生');
  const pooled = (site.passed + rest.passed) / (site.n + rest.n);
  if (site.n * pooled < 5 || site.n * (1 - pooled) < 5)
    return {
      tested: false,
      reason: '预期合格或不合格人数少于 5，正态近似不适用 (expected counts below 5)',
    };
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / site.n + 1 / rest.n));
  return tested((site.passed / site.n - rest.passed / rest.n) / se, critical);
}

export function compareMeans(site: Moments, rest: Moments, critical: number): Comparison {
  if (site.n < MIN_N || rest.n < MIN_N)
    return tooFew(site.n < MIN_N ? '本考点有数据的考生' : '其他考点有数据的考生');
  const se = Math.sqrt(variance(site) / site.n + variance(rest) / rest.n);
  if (se === 0) return { tested: false, reason: '成绩无差异（方差为 0）(no variance)' };
  return tested(((mean(site) ?? 0) - (mean(rest) ?? 0)) / se, critical);
}

function sumGroups(
  groups: readonly SiteGroup[],
): Omit<SiteGroup, 'siteId' | 'siteName' | 'occupationAndLevel'> {
  const histogram = Array.from({ length: HISTOGRAM_BINS }, (_, bin) =>
    groups.reduce((acc, g) => acc + (g.histogram[bin] ?? 0), 0),
  );
  const total = (
    key: 'n' | 'passed' | 'scoreSum' | 'scoreSquares' | 'timedN' | 'secondsSum' | 'secondsSquares',
  ) => groups.reduce((acc, g) => acc + g[key], 0);
  return {
    n: total('n'),
    passed: total('passed'),
    scoreSum: total('scoreSum'),
    scoreSquares: total('scoreSquares'),
    histogram,
    timedN: total('timedN'),
    secondsSum: total('secondsSum'),
    secondsSquares: total('secondsSquares'),
  };
}

function describeGroup(g: Omit<SiteGroup, 'siteId' | 'siteName' | 'occupationAndLevel'>) {
  const scores = { n: g.n, sum: g.scoreSum, squares: g.scoreSquares };
  return {
    n: g.n,
    passRate: g.n === 0 ? null : g.passed / g.n,
    meanScore: mean(scores),
    sdScore: g.n < 2 ? null : Math.sqrt(variance(scores)),
    histogram: g.histogram,
    meanAnswerSeconds: mean({ n: g.timedN, sum: g.secondsSum, squares: g.secondsSquares }),
  };
}

/** Bonferroni critical |z| for `comparisons` two-sided tests at family-wise α. */
export function criticalZ(comparisons: number, alpha = FAMILY_ALPHA): number {
  return normalQuantile(1 - alpha / (2 * Math.max(1, comparisons)));
}

export function compareSites(groups: readonly SiteGroup[]): OccupationReport[] {
  const byOccupation = new Map<string, SiteGroup[]>();
  for (const g of groups)
    byOccupation.set(g.occupationAndLevel, [...(byOccupation.get(g.occupationAndLevel) ?? []), g]);
  return [...byOccupation.entries()].map(([occupationAndLevel, sites]) => {
    const province = sumGroups(sites);
    const critical = criticalZ(sites.length);
    return {
      occupationAndLevel,
      province: describeGroup(province),
      criticalZ: critical,
      sites: sites.map((site) => {
        const rest = sumGroups(sites.filter((other) => other !== site));
        return {
          siteId: site.siteId,
          siteName: site.siteName,
          occupationAndLevel,
          ...describeGroup(site),
          comparisons: {
            passRate: comparePassRate(site, rest, critical),
            meanScore: compareMeans(
              { n: site.n, sum: site.scoreSum, squares: site.scoreSquares },
              { n: rest.n, sum: rest.scoreSum, squares: rest.scoreSquares },
              critical,
            ),
            meanAnswerSeconds: compareMeans(
              { n: site.timedN, sum: site.secondsSum, squares: site.secondsSquares },
              { n: rest.timedN, sum: rest.secondsSum, squares: rest.secondsSquares },
              critical,
            ),
          },
        };
      }),
    };
  });
}
