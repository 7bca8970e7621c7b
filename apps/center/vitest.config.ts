import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'center',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    environment: 'node',
  },
});
