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

/** Vitest runs: each step writes its own JSON report. */
for (const [step, report] of [
  ['unit', 'test-results/vitest-report.json'],
  ['security', 'test-results/vitest-security-report.json'],
  ['faults', 'test-results/vitest-faults-report.json'],
]) {
  if (!(step in statuses)) continue;
  const vitest = readJson(report);
  const status = statuses[step];
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    skipped += vitest.numPendingTests + vitest.numTodoTests;
    if (status !== '0' && vitest.numFailedTests === 0) failed += 1;
  } else if (status !== '0') {
    failed += 1;
  }
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
