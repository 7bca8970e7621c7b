// Preloaded with `node --import` by loaded-packages.ts: on exit, prints the npm packages of every
// file in Node's CommonJS module cache (where exceljs, pdfkit, highs, mammoth, better-sqlite3 and
// tsx land however they were imported).
import { createRequire } from 'node:module';

const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  const names = new Set();
  for (const file of Object.keys(cache)) {
    const parts = file.split(/[\\/]node_modules[\\/]/);
    if (parts.length < 2) continue;
    const [scope = '', name = ''] = (parts.at(-1) ?? '').split(/[\\/]/);
    names.add(scope.startsWith('@') ? `${scope}/${name}` : scope);
  }
  process.stderr.write(`\nLOADED_PACKAGES ${JSON.stringify([...names].sort())}\n`);
});
