/* eslint-disable no-console */
import { assemblePapers, type AssemblyResult } from '../src/assembly/assemble-papers';
import { createHighsSolver } from '../src/assembly/highs-solver';
import { level3Blueprint, syntheticSource } from '../test/assembly/synthetic-pool';

/*
 * npm run bench:assembly [-- --items 20000 --points 300 --forms 5 --overlap 0.15 --seed 1 --json]
 * A deterministic 20,000-item pool over 300 鉴定点 and the level-3 blueprint of 190 items
 * (40 判断 + 140 单选 × 0.5 + 10 多选 × 1): one paper (target < 2 s) and 5 parallel forms
 * with ≤ 15 % overlap (target < 20 s). Prints timings and peak RSS. Results: docs/benchmarks.md.
 */

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index < 0 ? undefined : Number(process.argv[index + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const json = process.argv.includes('--json');
const items = arg('items', 20_000);
const points = arg('points', 300);
const forms = arg('forms', 5);
const overlap = arg('overlap', 0.15);
const seed = arg('seed', 1);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function summary(result: AssemblyResult, ms: number) {
  if (!result.ok) {
    return { ok: false, ms, problems: result.problems.map((problem) => problem.message) };
  }
  const means = result.forms.map((form) => form.meanP);
  const sets = result.forms.map((form) => new Set(form.items.map((item) => item.itemId)));
  let maxShared = 0;
  sets.forEach((a, i) =>
    sets.slice(i + 1).forEach((b) => {
      maxShared = Math.max(maxShared, [...a].filter((id) => b.has(id)).length);
    }),
  );
  return {
    ok: true,
    ms: Math.round(ms),
    timings: Object.fromEntries(
      Object.entries(result.timings).map(([key, value]) => [key, Math.round(value)]),
    ),
    forms: result.forms.map((form) => ({
      label: form.label,
      solveMs: Math.round(form.solver.timeMs),
      variables: form.solver.variables,
      constraints: form.solver.constraints,
      status: form.solver.status,
      meanP: Math.round(form.meanP * 10_000) / 10_000,
      allChecksPass: form.checks.every((check) => check.ok),
    })),
    meanPSpread: Math.round((Math.max(...means) - Math.min(...means)) * 10_000) / 10_000,
    maxPairOverlapItems: maxShared,
  };
}

const built = performance.now();
const source = syntheticSource({ items, points, seed: 20_260_601 });
const blueprint = level3Blueprint();
const generateMs = performance.now() - built;
const loadStarted = performance.now();
const solver = await createHighsSolver();
const loadMs = performance.now() - loadStarted;

// The first solve in a process also pays for WebAssembly tier-up; measure it, then a warm one.
let started = performance.now();
const cold = assemblePapers(blueprint, source, solver, { seed: seed + 1000 });
const coldMs = performance.now() - started;
started = performance.now();
const one = assemblePapers(blueprint, source, solver, { seed });
const oneMs = performance.now() - started;
started = performance.now();
const parallel = assemblePapers(blueprint, source, solver, { seed, forms, maxOverlap: overlap });
const parallelMs = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const report = {
  pool: {
    items,
    points,
    approved: source.items.filter((item) => item.status === 'approved').length,
  },
  blueprintItems: 190,
  generateMs: Math.round(generateMs),
  solverLoadMs: Math.round(loadMs),
  firstPaperInProcess: summary(cold, coldMs),
  onePaper: { target: '< 2000 ms', ...summary(one, oneMs) },
  parallelForms: {
    forms,
    maxOverlap: overlap,
    target: '< 20000 ms',
    ...summary(parallel, parallelMs),
  },
  peakRssMiB: mib(peakRss),
  loadAverage: (await import('node:os')).loadavg().map((value) => Math.round(value * 100) / 100),
};

if (json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(
    `pool ${items} items over ${points} 鉴定点; blueprint 190 items; load ${report.loadAverage.join(' ')}`,
  );
  console.log(`first paper in a fresh process: ${report.firstPaperInProcess.ms} ms`);
  console.log(`one paper: ${report.onePaper.ms} ms (target < 2 s)`);
  console.log(
    `${forms} forms, overlap ≤ ${overlap * 100} %: ${report.parallelForms.ms} ms (target < 20 s)`,
  );
  console.log(`peak RSS ${report.peakRssMiB} MiB`);
  console.log(JSON.stringify(report, null, 2));
}
