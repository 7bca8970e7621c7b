import { defineConfig } from 'vitest/config';

/*
 * `npm run test:security` (the centre's half): each integrity property of the evaluation centre
 * attacked the way a hostile organisation, staff member, LAN user or database superuser would —
 * HTTP against the real server on port 0 over a real store (PGlite; PostgreSQL too when
 * CENTER_TEST_DATABASE_URL is set). See security/README.md.
 */
export default defineConfig({
  test: {
    name: 'center-security',
    root: import.meta.dirname,
    include: ['security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: [
      'default',
      ['json', { outputFile: '../../test-results/vitest-center-security-report.json' }],
    ],
  },
});
