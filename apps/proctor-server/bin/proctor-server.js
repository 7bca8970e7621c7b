#!/usr/bin/env node
// The `proctor-server` command: runs the TypeScript CLI through tsx (workspace packages ship sources).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
