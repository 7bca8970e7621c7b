// Sums the results of every test runner into one line: `tests: N passed, N failed[, N skipped]`.
// A step that failed without producing a report (typecheck, lint, format, a crashed runner)
// counts as one failure, so the line never hides a red build.
import { existsSync, readFileSync } from 'node:fs';

const [unitStatus = '0', e2eStatus = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest = readJson('test-results/vitest-report.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (unitStatus !== '0' && vitest.numFailedTests === 0) failed += 1;
} else if (unitStatus !== '0') {
  failed += 1;
}

const playwright = readJson('test-results/e2e-report.json');
if (playwright) {
  const s = playwright.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  if (e2eStatus !== '0' && s.unexpected === 0) failed += 1;
} else if (e2eStatus !== '0') {
  failed += 1;
}

console.log(
  `tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
