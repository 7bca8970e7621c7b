#!/usr/bin/env node
// The `center` command: runs the esbuild bundle that `npm install`, `npm start` and the build
// script write (docs/decisions/0720); in a checkout never built, the TypeScript source via tsx.
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/center.mjs', import.meta.url);
if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
