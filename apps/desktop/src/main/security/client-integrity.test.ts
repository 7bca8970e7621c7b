import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientIntegrityOf, isIntegrityRelevant, type BundledFile } from './client-integrity';

const file = (path: string, text: string): BundledFile => ({
  path,
  bytes: new TextEncoder().encode(text),
});
const build = [
  file('main/index.cjs', 'main code'),
  file('preload/kiosk.cjs', 'kiosk preload'),
  file('renderer/renderer.js', 'ui'),
  file('renderer/index.html', '<html>'),
];

describe('clientIntegrityOf', () => {
  it('is 64 lowercase hex and independent of file order', () => {
    const key = clientIntegrityOf(build);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(clientIntegrityOf([...build].reverse())).toBe(key);
  });

  it('changes when any byte of the code changes, or a file is added or removed', () => {
    const key = clientIntegrityOf(build);
    expect(clientIntegrityOf([...build.slice(1), file('main/index.cjs', 'main codf')])).not.toBe(
      key,
    );
    expect(clientIntegrityOf(build.slice(1))).not.toBe(key);
    expect(clientIntegrityOf([...build, file('renderer/extra.js', '')])).not.toBe(key);
  });

  it('frames files so bytes moved between files change the key', () => {
    const a = clientIntegrityOf([file('main/index.cjs', 'ab'), file('preload/kiosk.cjs', 'c')]);
    const b = clientIntegrityOf([file('main/index.cjs', 'a'), file('preload/kiosk.cjs', 'bc')]);
    expect(a).not.toBe(b);
  });

  it('ignores source maps, the author preload and assets, and refuses an empty build', () => {
    const key = clientIntegrityOf(build);
    expect(
      clientIntegrityOf([
        ...build,
        file('main/index.cjs.map', 'map'),
        file('preload/author.cjs', 'author'),
        file('renderer/fonts/x.woff2', 'font'),
      ]),
    ).toBe(key);
    expect(() => clientIntegrityOf([file('preload/author.cjs', 'x')])).toThrow(/No bundled/);
  });

  it('matches an independent computation of the documented framing', () => {
    const single = [file('main/index.cjs', 'x')];
    const expected = createHash('sha256').update('main/index.cjs\x001\x00x').digest('hex');
    expect(clientIntegrityOf(single)).toBe(expected);
  });

  it.each([
    ['main/index.cjs', true],
    ['main\\index.cjs', true],
    ['preload/kiosk.cjs', true],
    ['preload/author.cjs', false],
    ['renderer/renderer.css', true],
    ['renderer/fonts/a.woff2', false],
    ['../main/index.cjs', false],
  ])('isIntegrityRelevant(%s) = %s', (path, expected) => {
    expect(isIntegrityRelevant(path)).toBe(expected);
  });
});
