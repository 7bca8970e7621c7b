import { describe, expect, it } from 'vitest';
import {
  normalQuantile,
  normalUpperTail,
  twoSidedP,
} from '../../src/supervision/normal-distribution';
import {
  compareMeans,
  comparePassRate,
  compareSites,
  criticalZ,
  type SiteGroup,
} from '../../src/supervision/site-comparison';

function group(siteId: string, n: number, passed: number, mean = 70, sd = 10): SiteGroup {
  // moments of n scores with this mean and sample sd
  const sum = n * mean;
  const squares = sd * sd * (n - 1) + (sum * sum) / n;
  return {
    siteId,
    siteName: siteId,
    occupationAndLevel: '电工（三级）',
    n,
    passed,
    scoreSum: sum,
    scoreSquares: squares,
    histogram: [0, 0, 0, 0, 0, 0, n, 0, 0, 0],
    timedN: 0,
    secondsSum: 0,
    secondsSquares: 0,
  };
}

describe('normal distribution', () => {
  it('gives tails and quantiles to the precision the tests need', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 7);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 7);
    expect(twoSidedP(-3.290527)).toBeCloseTo(0.001, 7);
    // deep tail, relative precision: P(Z ≥ 8) = 6.22096e-16
    expect(normalUpperTail(8) / 6.22096e-16).toBeCloseTo(1, 4);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.0005)).toBeCloseTo(-3.290527, 6);
  });
});

describe('site comparison', () => {
  it('computes the pooled two-proportion z and the Welch z', () => {
    // 45/50 vs 300/500: pooled 345/550
    const pooled = 345 / 550;
    const z = (0.9 - 0.6) / Math.sqrt(pooled * (1 - pooled) * (1 / 50 + 1 / 500));
    expect(comparePassRate({ n: 50, passed: 45 }, { n: 500, passed: 300 }, 3)).toMatchObject({
      tested: true,
      flagged: true,
      direction: 'higher',
    });
    const result = comparePassRate({ n: 50, passed: 45 }, { n: 500, passed: 300 }, 3);
    expect(result.tested && result.z).toBeCloseTo(z, 10);
    const means = compareMeans(
      { n: 40, sum: 40 * 60, squares: 100 * 39 + 40 * 3600 },
      { n: 400, sum: 400 * 70, squares: 100 * 399 + 400 * 4900 },
      3,
    );
    expect(means.tested && means.z).toBeCloseTo((60 - 70) / Math.sqrt(100 / 40 + 100 / 400), 10);
  });

  it('does not test small groups or tiny expected counts', () => {
    expect(comparePassRate({ n: 29, passed: 29 }, { n: 500, passed: 300 }, 3)).toMatchObject({
      tested: false,
    });
    expect(comparePassRate({ n: 40, passed: 40 }, { n: 5000, passed: 4990 }, 3)).toMatchObject({
      tested: false,
      reason: expect.stringMatching(/少于 5/),
    });
  });

  it('flags only the outlying site, at the Bonferroni critical value over the sites', () => {
    const sites = [
      group('A', 60, 36),
      group('B', 80, 50),
      group('C', 70, 40),
      group('D', 90, 56),
      group('E', 60, 58, 88, 6),
    ];
    const [report] = compareSites(sites);
    expect(report?.criticalZ).toBeCloseTo(criticalZ(5), 12);
    expect(report?.criticalZ).toBeCloseTo(normalQuantile(1 - 0.01 / 10), 12);
    const flagged = report?.sites.filter(
      (s) => s.comparisons.passRate.tested && s.comparisons.passRate.flagged,
    );
    expect(flagged?.map((s) => s.siteId)).toEqual(['E']);
    const e = report?.sites.find((s) => s.siteId === 'E');
    expect(e?.comparisons.meanScore).toMatchObject({
      tested: true,
      flagged: true,
      direction: 'higher',
    });
    expect(e?.comparisons.meanAnswerSeconds).toMatchObject({ tested: false });
    expect(report?.province).toMatchObject({ n: 360, passRate: 240 / 360 });
    expect(report?.province.histogram[6]).toBe(360);
  });
});
