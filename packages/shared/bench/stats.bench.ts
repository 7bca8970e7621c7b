/* eslint-disable no-console */
/*
 * Item statistics benchmark (docs/benchmarks.md): 10,000 candidates × 200 items must analyse in < 2 s.
 * Synthetic data from a seeded three-parameter logistic model: ability θ ~ N(0, 1); per item
 * discrimination a ~ U(0.6, 2.0), difficulty b ~ N(−0.3, 0.9) (a paper aimed at p ≈ 0.65),
 * guessing c = 1/options. 160 single-choice items (4 options) and 40 true/false items, 0.5 points
 * each, ≈1 % omitted. Wrong answers pick a distractor with fixed per-item attractiveness.
 *
 *   npm run bench:stats [-- --json] [-- --candidates N --items K --runs R]
 */
import { mulberry32, normalDraw } from '../src/random/seeded-random';
import {
  analyzeResponses,
  optionMask,
  type ItemColumn,
  type ResponseMatrix,
} from '../src/statistics/index';
import { OPTION_IDS, type OptionId } from '../src/domain/choice-option';

function argValue(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function syntheticMatrix(n: number, k: number, seed = 20261121): ResponseMatrix {
  const random = mulberry32(seed);
  const items: ItemColumn[] = [];
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  const guess = new Float64Array(k);
  const distractorWeights: number[][] = [];
  for (let j = 0; j < k; j += 1) {
    const trueFalse = j >= Math.round(k * 0.8);
    const options: OptionId[] = trueFalse ? ['A', 'B'] : ['A', 'B', 'C', 'D'];
    const key = options[Math.floor(random() * options.length)] ?? 'A';
    items.push({ id: `Q${String(j + 1).padStart(3, '0')}`, maxPoints: 0.5, options, key: [key] });
    a[j] = 0.6 + 1.4 * random();
    b[j] = -0.3 + 0.9 * normalDraw(random);
    guess[j] = 1 / options.length;
    distractorWeights.push(options.map((option) => (option === key ? 0 : 0.2 + random())));
  }
  const scores = new Float64Array(n * k);
  const omitted = new Uint8Array(n * k);
  const choices = new Uint8Array(n * k);
  const candidateIds: string[] = [];
  for (let c = 0; c < n; c += 1) {
    candidateIds.push(`C${String(c + 1).padStart(5, '0')}`);
    const theta = normalDraw(random);
    for (let j = 0; j < k; j += 1) {
      const at = c * k + j;
      if (random() < 0.01) {
        omitted[at] = 1;
        continue;
      }
      const g = guess[j] ?? 0;
      const p = g + (1 - g) / (1 + Math.exp(-1.7 * (a[j] ?? 1) * (theta - (b[j] ?? 0))));
      const item = items[j];
      const weights = distractorWeights[j] ?? [];
      if (item === undefined) continue;
      if (random() < p) {
        scores[at] = item.maxPoints;
        choices[at] = optionMask(item.key ?? []);
      } else {
        const total = weights.reduce((sum, w) => sum + w, 0);
        let pick = random() * total;
        let index = 0;
        while (index < weights.length - 1 && pick >= (weights[index] ?? 0)) {
          pick -= weights[index] ?? 0;
          index += 1;
        }
        if ((weights[index] ?? 0) === 0) index = (index + 1) % weights.length;
        choices[at] = 1 << OPTION_IDS.indexOf(item.options?.[index] ?? 'A');
      }
    }
  }
  return { candidateIds, items, scores, omitted, choices };
}

function main(): void {
  const n = argValue('--candidates', 10_000);
  const k = argValue('--items', 200);
  const runs = argValue('--runs', 5);
  const json = process.argv.includes('--json');
  let peakRss = process.memoryUsage().rss;
  const sample = (): void => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const generateStart = performance.now();
  const matrix = syntheticMatrix(n, k);
  const generateMs = performance.now() - generateStart;
  sample();
  const timings: number[] = [];
  let alpha: number | undefined;
  let meanFacility = 0;
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    const result = analyzeResponses(matrix);
    timings.push(performance.now() - start);
    sample();
    alpha = result.test.cronbachAlpha;
    meanFacility = result.items.reduce((sum, item) => sum + item.facility, 0) / result.items.length;
  }
  const sorted = [...timings].sort((x, y) => x - y);
  const report = {
    candidates: n,
    items: k,
    runs,
    generateMs: Math.round(generateMs),
    firstRunMs: Math.round(timings[0] ?? 0),
    medianMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    cronbachAlpha: alpha === undefined ? undefined : Number(alpha.toFixed(4)),
    meanFacility: Number(meanFacility.toFixed(4)),
    targetMs: 2000,
    node: process.version,
  };
  if (json) {
    console.log(JSON.stringify(report));
  } else {
    console.log(`item statistics: ${n} candidates × ${k} items, ${runs} runs`);
    console.log(`  synthetic data generated in ${report.generateMs} ms`);
    console.log(
      `  analyse: first ${report.firstRunMs} ms, median ${report.medianMs} ms, max ${report.maxMs} ms (target < 2000 ms)`,
    );
    console.log(
      `  peak RSS ${report.peakRssMb} MB; alpha ${report.cronbachAlpha}; mean facility ${report.meanFacility}`,
    );
  }
  if ((timings[0] ?? 0) >= 2000) process.exitCode = 1;
}

main();
