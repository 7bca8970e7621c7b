import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSafePath } from './safe-path';

const root = resolve('/srv/renderer');

describe('resolveSafePath', () => {
  it.each([
    ['/', `${root}/index.html`],
    ['/renderer.js', `${root}/renderer.js`],
    ['/assets/%E5%9B%BE.png', `${root}/assets/图.png`],
    ['//renderer.js', `${root}/renderer.js`],
  ])('serves %s from inside the root', (url, expected) => {
    expect(resolveSafePath(root, url)).toBe(expected);
  });

  it.each([
    '/../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/assets/../../etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/..%5c..%5cwindows%5cwin.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/..',
  ])('refuses %s', (url) => {
    expect(resolveSafePath(root, url)).toBeUndefined();
  });
});
