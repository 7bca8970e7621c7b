import { describe, expect, it } from 'vitest';
import { median, scoreHistogram, summarizeScores } from './descriptive';

describe('summarizeScores', () => {
  it('matches a hand computation (Moodle estimators)', () => {
    // totals 3 2 2 1 0: mean 1.6, deviations 1.4 .4 .4 −.6 −1.6
    // Σd² = 1.96+.16+.16+.36+2.56 = 5.2 → sample SD √(5.2/4) = √1.3 = 1.140175
    // Σd³ = 2.744+.064+.064−.216−4.096 = −1.44;  Σd⁴ = 3.8416+.0256+.0256+.1296+6.5536 = 10.576
    // m2 = 1.04, m3 = −.288, m4 = 2.1152; k2 = 5·1.04/4 = 1.3; k3 = 25·(−.288)/(4·3) = −.6
    // skewness = −.6 / 1.3^1.5 = −.404796
    // k4 = 25·(6·2.1152 − 3·4·1.04²)/(4·3·2) = 25·(12.6912 − 12.9792)/24 = −.3
    // kurtosis = −.3 / 1.3² = −.177515
    const s = summarizeScores(Float64Array.of(3, 2, 2, 1, 0));
    expect(s.n).toBe(5);
    expect(s.mean).toBeCloseTo(1.6, 12);
    expect(s.median).toBe(2);
    expect(s.min).toBe(0);
    expect(s.max).toBe(3);
    expect(s.standardDeviation).toBeCloseTo(Math.sqrt(1.3), 12);
    expect(s.skewness).toBeCloseTo(-0.404796, 6);
    expect(s.kurtosis).toBeCloseTo(-0.177515, 6);
  });

  it('matches Excel SKEW/KURT on a textbook sample', () => {
    // 2 4 4 4 5 5 7 9: mean 5, Σd² = 32, Σd³ = 42, Σd⁴ = 356 (n = 8)
    // k2 = 32/7; k3 = 64·(42/8)/(7·6) = 8; G1 = 8 / (32/7)^1.5 = 0.8184876
    // m4 = 44.5, m2 = 4: k4 = 64·(9·44.5 − 3·7·16)/(7·6·5) = 64·64.5/210 = 19.657143;
    // G2 = k4/k2² = 19.657143/20.897959 = 0.940625
    const s = summarizeScores(Float64Array.of(2, 4, 4, 4, 5, 5, 7, 9));
    expect(s.skewness).toBeCloseTo(0.8184876, 6);
    expect(s.kurtosis).toBeCloseTo(0.940625, 6);
  });

  it('leaves out what the sample size cannot define', () => {
    expect(summarizeScores(new Float64Array())).toEqual({ n: 0 });
    const one = summarizeScores(Float64Array.of(4));
    expect(one).toEqual({ n: 1, mean: 4, median: 4, min: 4, max: 4 });
    const constant = summarizeScores(Float64Array.of(2, 2, 2, 2));
    expect(constant.standardDeviation).toBe(0);
    expect(constant.skewness).toBeUndefined();
    expect(constant.kurtosis).toBeUndefined();
    expect(summarizeScores(Float64Array.of(1, 2, 4)).kurtosis).toBeUndefined();
  });
});

describe('median', () => {
  it('averages the two middle values of an even sample and does not reorder the input', () => {
    const values = Float64Array.of(9, 1, 5, 3);
    expect(median(values)).toBe(4);
    expect([...values]).toEqual([9, 1, 5, 3]);
    expect(median(new Float64Array())).toBeUndefined();
  });
});

describe('scoreHistogram', () => {
  it('bins totals into equal widths with a closed last bin', () => {
    const bins = scoreHistogram(Float64Array.of(0, 9.9, 10, 55, 100, 100), 100, 10);
    expect(bins).toHaveLength(10);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 });
  });

  it('refuses a non-integer bin count', () => {
    expect(() => scoreHistogram(Float64Array.of(1), 5, 0)).toThrow(/binCount/);
    expect(() => scoreHistogram(Float64Array.of(1), 5, 2.5)).toThrow(/binCount/);
  });
});
