import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PLACEHOLDER_PAGE, staticFile } from '../../src/http/static-files';

const root = mkdtempSync(join(tmpdir(), 'center-static-'));
const web = join(root, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(join(root, 'secret.txt'), 'secret');
writeFileSync(join(root, 'web-other.txt'), 'sibling');
writeFileSync(join(web, 'assets', 'a.css'), 'body{}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('serves files inside the folder with their type', async () => {
  const file = await staticFile(web, '/assets/a.css');
  expect(file.contentType).toBe('text/css; charset=utf-8');
  expect(Buffer.from(file.bytes).toString()).toBe('body{}');
});

it('answers the placeholder (no index.html yet) for any path leaving the folder', async () => {
  for (const path of [
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/../web-other.txt',
    '/assets/a.css%00.png',
    '/%E0%A4%A',
  ]) {
    const file = await staticFile(web, path);
    expect({ path, text: Buffer.from(file.bytes).toString() }).toEqual({
      path,
      text: PLACEHOLDER_PAGE,
    });
  }
});
