import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the kill/restart fault suite against the real server process. */
export default defineConfig({
  test: {
    name: 'proctor-server-faults',
    root: import.meta.dirname,
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 170_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: '../../test-results/vitest-faults-report.json' }],
    ],
  },
});
