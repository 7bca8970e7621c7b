import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'eslint', 'scripts'],
    // Tests that spawn the CLIs run their bundles: built here when stale (docs/decisions/0722).
    globalSetup: ['scripts/build/test-bundles.ts'],
    // The JSON report feeds the totals line printed by .ci/run.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-report.json' }]],
  },
});
