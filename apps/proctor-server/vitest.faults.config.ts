import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: the kill/restart fault suite against the real server process. */
export default defineConfig({
  test: {
    name: 'proctor-server-faults',
    root: import.meta.dirname,
    include: ['faults/**/*.test.ts'],
    environment: 'node',
    // The suite spawns bin/proctor-server.js, which runs the bundle (docs/decisions/0722).
    globalSetup: ['../../scripts/build/test-bundles.ts'],
    testTimeout: 170_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: '../../test-results/vitest-faults-report.json' }],
    ],
  },
});
