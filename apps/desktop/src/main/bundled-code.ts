import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  clientIntegrityOf,
  isIntegrityRelevant,
  type BundledFile,
} from './security/client-integrity';

/** Lists the files under `distDir` that make up the kiosk's code (see isIntegrityRelevant). */
function bundledFiles(distDir: string): BundledFile[] {
  const files: BundledFile[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 3) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else {
        const path = relative(distDir, full).replaceAll('\\', '/');
        if (isIntegrityRelevant(path)) files.push({ path, bytes: readFileSync(full) });
      }
    }
  };
  walk(distDir, 0);
  return files;
}

/** The client integrity key of the running app (dist/ holds main, preloads and renderer). */
export function computeClientIntegrity(distDir: string): string {
  return clientIntegrityOf(bundledFiles(distDir));
}
