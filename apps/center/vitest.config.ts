import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'center',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
