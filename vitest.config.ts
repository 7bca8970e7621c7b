import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'eslint'],
    // The JSON report feeds the totals line printed by .ci/run.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-report.json' }]],
  },
});
