import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'item-bank',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
  },
});
