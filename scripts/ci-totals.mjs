// Sums the results of every test runner into one line: `tests: N passed, N failed[, N skipped]`.
// A step that failed without producing a report (typecheck, lint, format, a crashed runner)
// counts as one failure, so the line never hides a red build.
import { existsSync, readFileSync } from 'node:fs';

// Arguments: the exit status of each step, as `name=status` (e.g. unit=0 faults=1 e2e=0).
const statuses = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=')));
let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** Vitest runs: each step writes its own JSON report(s); security runs two suites, one report each. */
for (const [step, reports] of [
  ['unit', ['test-results/vitest-report.json']],
  [
    'security',
    ['test-results/vitest-security-report.json', 'test-results/vitest-center-security-report.json'],
  ],
  ['faults', ['test-results/vitest-faults-report.json']],
]) {
  if (!(step in statuses)) continue;
  const status = statuses[step];
  let stepFailed = 0;
  let anyReport = false;
  for (const vitest of reports.map(readJson)) {
    if (vitest === undefined) continue;
    anyReport = true;
    passed += vitest.numPassedTests;
    stepFailed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  failed += stepFailed;
  // A failed step whose reports name no failing test (a crash, a suite that never ran): one.
  if (status !== '0' && (!anyReport || stepFailed === 0)) failed += 1;
}

const playwright = readJson('test-results/e2e-report.json');
if (playwright) {
  const s = playwright.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  if (statuses.e2e !== '0' && s.unexpected === 0) failed += 1;
} else if (statuses.e2e !== undefined && statuses.e2e !== '0') {
  failed += 1;
}

console.log(
  `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
