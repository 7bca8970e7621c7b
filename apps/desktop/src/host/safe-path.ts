import { resolve, sep } from 'node:path';

/**
 * Maps a URL path to a file inside `root`, or undefined when it would escape `root`
 * (`..`, encoded slashes or backslashes, NUL bytes). Shared by the web shell and Electron's
 * `app://` protocol handler; pure, so it is tested with a table of attacks.
 */
export function resolveSafePath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : undefined;
}
