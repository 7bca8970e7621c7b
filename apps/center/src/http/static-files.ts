import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * The web UI: the files of `apps/center/dist/web/` when it was built, else a small Chinese
 * placeholder page. A path never leaves the folder; a path with no file gets index.html (the UI
 * routes in the browser).
 */

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** Hashed assets may be cached; index.html is always revalidated. */
  readonly immutable: boolean;
}

export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>评价中心 · Evaluation centre</title></head>
<body>
<main>
<h1>职业技能等级认定 · 评价中心</h1>
<p>评价中心服务正在运行。网页界面尚未构建；请使用 <code>/api/</code> 接口或命令行 <code>center</code>。</p>
<p lang="en">The evaluation centre is running. The web UI is not built yet; use the <code>/api/</code> API or the <code>center</code> command.</p>
</main>
</body>
</html>
`;

async function readIfFile(path: string): Promise<Uint8Array | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export async function staticFile(webDir: string, pathname: string): Promise<StaticFile> {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    relative = '/';
  }
  const root = normalize(webDir);
  const target = normalize(join(root, relative));
  const inside = target === root || target.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
  if (inside && !relative.includes('\0') && relative !== '/' && !relative.endsWith('/')) {
    const bytes = await readIfFile(target);
    if (bytes !== undefined) {
      return {
        contentType: TYPES[extname(target)] ?? 'application/octet-stream',
        bytes,
        immutable: /\/assets\//.test(relative),
      };
    }
  }
  const index = await readIfFile(join(root, 'index.html'));
  return {
    contentType: TYPES['.html'] ?? 'text/html',
    bytes: index ?? Buffer.from(PLACEHOLDER_PAGE, 'utf8'),
    immutable: false,
  };
}
