import { defineProject } from 'vitest/config';

// Repository-wide checks: documentation links, migration imports.
export default defineProject({
  test: { name: 'repo-checks', include: ['**/*.test.ts'], environment: 'node' },
});
