import { defineConfig } from 'vitest/config';

/**
 * `npm run test:security`: each integrity property attacked the way a person would — sockets and
 * HTTP from a script against the real server, direct edits of the SQLite file for the tamper matrix.
 */
export default defineConfig({
  test: {
    name: 'proctor-server-security',
    root: import.meta.dirname,
    include: ['security/**/*.test.ts'],
    environment: 'node',
    // The suite spawns bin/proctor-server.js, which runs the bundle (docs/decisions/0722).
    globalSetup: ['../../scripts/build/test-bundles.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: [
      'default',
      ['json', { outputFile: '../../test-results/vitest-security-report.json' }],
    ],
  },
});
