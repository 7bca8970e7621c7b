import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (the kiosk's data folder: journals, settings), as UTF-8 text. */
export function readTree(dir: string): { files: string[]; text: string } {
  const files: string[] = [];
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        files.push(full);
        parts.push(readFileSync(full).toString('utf8'));
      }
    }
  };
  walk(dir);
  return { files, text: parts.join('\n') };
}
