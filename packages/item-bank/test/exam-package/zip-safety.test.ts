import { describe, expect, it } from 'vitest';
import { ExamPackageError } from '../../src/exam-package/exam-package-error';
import { readZip, unsafeEntryNameReason, writeZip } from '../../src/exam-package/zip-archive';

async function rejection(promise: Promise<unknown>): Promise<ExamPackageError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ExamPackageError) return error;
    throw error;
  }
  throw new Error('accepted');
}

/** Writes a zip with a harmless name, then patches the name bytes (same length) in place. */
async function zipWithName(evilName: string): Promise<Uint8Array> {
  const placeholder = 'q'.repeat(Buffer.byteLength(evilName));
  const zip = Buffer.from(await writeZip([{ name: placeholder, data: new Uint8Array([1, 2, 3]) }]));
  const from = Buffer.from(placeholder);
  const to = Buffer.from(evilName);
  for (let at = zip.indexOf(from); at !== -1; at = zip.indexOf(from, at + 1)) to.copy(zip, at);
  return new Uint8Array(zip);
}

describe('zip safety', () => {
  it.each([
    '../evil.txt',
    'assets/../../evil',
    '/etc/passwd',
    'C:/windows/x',
    'a\\..\\b',
    'a//b',
    './a/../b',
  ])('refuses the entry name %j (zip-slip)', async (name) => {
    expect(unsafeEntryNameReason(name)).toBeDefined();
    const error = await rejection(readZip(await zipWithName(name)));
    expect(error.code).toBe('ZIP_UNSAFE_ENTRY');
    expect(error.part).toBe(name);
  });

  it('accepts plain relative names', () => {
    for (const name of ['manifest.json', 'assets/abc.enc', 'a/b/c.txt'])
      expect(unsafeEntryNameReason(name)).toBeUndefined();
  });

  it('stops a zip bomb while inflating, at the entry and at the total limit', async () => {
    const zeros = new Uint8Array(8 * 1024 * 1024);
    const bomb = await writeZip([{ name: 'content.enc', data: zeros }]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const limits = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024 };
    expect((await rejection(readZip(bomb, limits))).code).toBe('ZIP_TOO_LARGE');

    const several = await writeZip(
      [1, 2, 3].map((n) => ({ name: `part${n}`, data: new Uint8Array(900 * 1024) })),
    );
    expect(
      (await rejection(readZip(several, { ...limits, maxTotalBytes: 2 * 1024 * 1024 }))).code,
    ).toBe('ZIP_TOO_LARGE');
    expect((await readZip(several, limits)).size).toBe(3);
  });

  it('does not trust the sizes the archive declares', async () => {
    const zip = Buffer.from(
      await writeZip([{ name: 'content.enc', data: new Uint8Array(2 * 1024 * 1024) }]),
    );
    // Lie in the central directory: claim 100 bytes uncompressed.
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(100, central + 24);
    const local = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    zip.writeUInt32LE(100, local + 22);
    const error = await rejection(
      readZip(new Uint8Array(zip), {
        maxEntries: 10,
        maxEntryBytes: 1024 * 1024,
        maxTotalBytes: 4 * 1024 * 1024,
      }),
    );
    expect(['ZIP_TOO_LARGE', 'ZIP_INVALID']).toContain(error.code);
  });

  it('limits the number of entries', async () => {
    const many = await writeZip(
      Array.from({ length: 5 }, (_, n) => ({ name: `f${n}`, data: new Uint8Array([n]) })),
    );
    const error = await rejection(
      readZip(many, { maxEntries: 4, maxEntryBytes: 100, maxTotalBytes: 1000 }),
    );
    expect(error.code).toBe('ZIP_TOO_LARGE');
  });

  it('refuses duplicate entry names', async () => {
    const zip = Buffer.from(
      await writeZip([
        { name: 'aa', data: new Uint8Array([1]) },
        { name: 'ab', data: new Uint8Array([2]) },
      ]),
    );
    for (let at = zip.indexOf('ab'); at !== -1; at = zip.indexOf('ab', at + 1)) zip.write('aa', at);
    expect((await rejection(readZip(new Uint8Array(zip)))).code).toBe('ZIP_UNSAFE_ENTRY');
  });
});
