import { readFileSync } from 'node:fs';
import { parseItemFile } from '../../../src/import-export/index';

/*
 * Run by parse-in-child.ts in its own process: parses one file and prints the item count and the
 * issues as JSON, so a test can bound a parse that could exhaust memory or never end.
 */

const [path = '', fileName = '', format] = process.argv.slice(2);
const file = await parseItemFile(new Uint8Array(readFileSync(path)), {
  fileName,
  ...(format === 'xlsx' || format === 'qti' || format === 'moodle' ? { format } : {}),
});
process.stdout.write(JSON.stringify({ items: file.items.length, issues: file.issues }));
