import { createHash } from 'node:crypto';

/** One bundled file of the kiosk app: its path relative to the app's `dist/` and its bytes. */
export interface BundledFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Which bundled files make up the kiosk's code: main, the kiosk preload and the renderer. */
export function isIntegrityRelevant(path: string): boolean {
  const p = path.replaceAll('\\', '/');
  if (p.endsWith('.map')) return false;
  return (
    /^main\/[^/]+\.cjs$/.test(p) ||
    p === 'preload/kiosk.cjs' ||
    /^renderer\/[^/]+\.(js|html|css)$/.test(p)
  );
}

/**
 * The client integrity key sent at login (64 lowercase hex): SHA-256 over every relevant file,
 * sorted by path, each framed as `path \0 length \0 bytes` so no two file sets can collide by
 * moving bytes between files. The same build gives the same key on every PC, so the server
 * can list the builds it accepts (`requiredClientIntegrity`).
 */
export function clientIntegrityOf(files: readonly BundledFile[]): string {
  const relevant = files
    .map((f) => ({ ...f, path: f.path.replaceAll('\\', '/') }))
    .filter((f) => isIntegrityRelevant(f.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (relevant.length === 0) throw new Error('No bundled kiosk code found to compute integrity');
  const hash = createHash('sha256');
  for (const file of relevant) {
    hash.update(`${file.path}\0${file.bytes.byteLength}\0`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
}
