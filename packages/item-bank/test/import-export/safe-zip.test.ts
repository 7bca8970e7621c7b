import { describe, expect, it } from 'vitest';
import { readZipSafely, type ZipLimits } from '../../src/import-export/index';
import { unsafeEntryName } from '../../src/import-export/safe-zip-reader';
import { writeZip } from '../../src/import-export/zip-writer';
import { buildRawZip } from './support/raw-zip';

const text = (value: string) => new TextEncoder().encode(value);

describe('readZipSafely', () => {
  it('reads the entries of a well-formed zip', async () => {
    const zip = await writeZip(
      new Map([
        ['a.txt', text('甲')],
        ['dir/b.txt', text('乙')],
      ]),
    );
    const result = await readZipSafely(zip);
    expect(result.ok && [...result.entries.keys()]).toEqual(['a.txt', 'dir/b.txt']);
  });

  it('reads back a zip written with ZIP64 end records and stored pictures', async () => {
    const entries = new Map([
      ['a.txt', text('甲'.repeat(1000))],
      ['empty.txt', new Uint8Array()],
      ['assets/x.png', new Uint8Array([137, 80, 78, 71])],
    ]);
    const zip = await writeZip(entries, { forceZip64: true });
    const result = await readZipSafely(zip);
    expect(result.ok && result.entries).toEqual(entries);
  });

  it.each([
    ['../evil.txt', '路径穿越'],
    ['items/../../evil.txt', '路径穿越'],
    ['/etc/passwd', '绝对路径'],
    ['C:/Windows/evil.txt', '盘符'],
    ['assets\\..\\evil.txt', '反斜杠'],
  ])('refuses the entry %s (zip-slip)', async (name, reason) => {
    const zip = buildRawZip([
      { name: 'ok.txt', data: text('ok') },
      { name, data: text('evil') },
    ]);
    const result = await readZipSafely(zip);
    expect(result).toEqual({
      ok: false,
      kind: 'unsafe',
      entry: name,
      reason: expect.stringContaining(reason),
    });
  });

  it('refuses symlinks', async () => {
    const zip = buildRawZip([{ name: 'link', data: text('/etc/passwd'), symlink: true }]);
    expect(await readZipSafely(zip)).toMatchObject({
      ok: false,
      entry: 'link',
      reason: '条目是符号链接',
    });
  });

  it('refuses a zip bomb (50 MB of zeros) by its compression ratio while inflating', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024);
    const zip = buildRawZip([{ name: 'items.jsonl', data: zeros, deflate: true }]);
    expect(zip.byteLength).toBeLessThan(200 * 1024);
    const result = await readZipSafely(zip);
    expect(result).toMatchObject({
      ok: false,
      entry: 'items.jsonl',
      reason: expect.stringContaining('压缩炸弹'),
    });
  });

  it('refuses a bomb that lies about its size, counting the bytes actually inflated', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const zip = buildRawZip([{ name: 'small.txt', data: zeros, deflate: true, declaredSize: 100 }]);
    const limits: ZipLimits = {
      maxEntries: 10,
      maxTotalBytes: 4 * 1024 * 1024,
      maxRatio: 1_000_000,
    };
    const result = await readZipSafely(zip, limits);
    expect(result).toMatchObject({
      ok: false,
      entry: 'small.txt',
      reason: expect.stringContaining('总大小'),
    });
  });

  it('refuses more than the total size limit and more than the entry limit', async () => {
    const big = buildRawZip([
      { name: 'a', data: new Uint8Array(3000) },
      { name: 'b', data: new Uint8Array(3000) },
    ]);
    const sizeLimited = await readZipSafely(big, {
      maxEntries: 10,
      maxTotalBytes: 5000,
      maxRatio: 100,
    });
    expect(sizeLimited).toMatchObject({
      ok: false,
      entry: 'b',
      reason: expect.stringContaining('总大小'),
    });
    const many = buildRawZip(
      Array.from({ length: 12 }, (_, index) => ({ name: `f${index}`, data: text('x') })),
    );
    const countLimited = await readZipSafely(many, {
      maxEntries: 10,
      maxTotalBytes: 5000,
      maxRatio: 100,
    });
    expect(countLimited).toMatchObject({ ok: false, reason: expect.stringContaining('条目过多') });
  });

  it('refuses an entry whose bytes do not match its CRC', async () => {
    const zip = buildRawZip([{ name: 'a.txt', data: text('原文') }]);
    const tampered = new Uint8Array(zip);
    const at = 30 + 'a.txt'.length;
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    expect(await readZipSafely(tampered)).toMatchObject({
      ok: false,
      entry: 'a.txt',
      reason: expect.stringContaining('CRC'),
    });
  });

  it('refuses bytes that are not a zip', async () => {
    expect(await readZipSafely(text('not a zip at all'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('zip'),
    });
  });

  it('classifies entry names', () => {
    expect(unsafeEntryName('assets/abc')).toBeUndefined();
    expect(unsafeEntryName('a/../b')).toBeDefined();
    expect(unsafeEntryName('..')).toBeDefined();
    expect(unsafeEntryName('a..b')).toBeUndefined();
  });
});
