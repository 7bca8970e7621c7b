import { describe, expect, it } from 'vitest';
import { benchItemsCsv } from '../bench/synthetic-bank';
import { CHUNK_BYTES, type ByteSourceFile } from '../src/import-export/byte-source';
import { importItems } from '../src/imports/import-items';
import { memoryBank } from './support/fixtures';

/*
 * The importer streams (docs/decisions/0652): it reads the file through a ByteSource a chunk at
 * a time, writes items inside its one transaction while the file is still being read, and gives
 * the same report as an import of the same bytes in memory; a dry run and a refused import
 * leave the bank as it was.
 */

const POINTS = ['A-B-001', 'A-B-002', 'B-A-001', 'B-A-002'];

/** A file that records how it is read, and how many items the bank held at its last read. */
function recordingFile(bytes: Uint8Array, itemsInBank: () => number) {
  const seen = { opens: 0, largestRead: 0, bytesRead: 0, itemsAtLastRead: -1 };
  const file: ByteSourceFile = {
    open() {
      seen.opens += 1;
      return {
        size: bytes.length,
        read(position, length) {
          seen.largestRead = Math.max(seen.largestRead, length);
          seen.bytesRead += length;
          if (position + length >= bytes.length) seen.itemsAtLastRead = itemsInBank();
          return bytes.subarray(position, position + length);
        },
        close: () => undefined,
      };
    },
  };
  return { file, seen };
}

function countItems(bank: ReturnType<typeof memoryBank>): number {
  return (bank.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
}

// Hundreds of real inserts with FTS: allow for a loaded machine (nothing here is timed).
describe('streaming import', { timeout: 120_000 }, () => {
  const bytes = new TextEncoder().encode(benchItemsCsv(800, POINTS, 7));

  it('reads the file in chunks and writes items before the end of the file is read', async () => {
    expect(bytes.length).toBeGreaterThan(2 * CHUNK_BYTES);
    const bank = memoryBank();
    const { file, seen } = recordingFile(bytes, () => countItems(bank));
    const report = await importItems(bank, file, {
      fileName: 'dian-gong.csv',
      actor: 'admin',
      validOnly: true,
    });
    expect(report.committed).toBe(true);
    expect(seen.largestRead).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(seen.itemsAtLastRead).toBeGreaterThan(100);
    expect(countItems(bank)).toBe(report.imported);

    const inMemory = await importItems(memoryBank(), bytes, {
      fileName: 'dian-gong.csv',
      actor: 'admin',
      validOnly: true,
    });
    const counts = (r: typeof report) => ({
      total: r.total,
      imported: r.imported,
      duplicates: r.duplicates,
      skipped: r.skipped,
      valid: r.valid,
      near: r.nearDuplicates.length,
      issues: r.issues.map((issue) => [issue.row, issue.field, issue.reason]),
    });
    expect(counts(report)).toEqual(counts(inMemory));
  });

  it('a dry run writes the same pass and rolls it back: same counts, bank unchanged', async () => {
    const bank = memoryBank();
    const dry = await importItems(bank, recordingFile(bytes, () => 0).file, {
      fileName: 'dian-gong.csv',
      actor: 'admin',
      validOnly: true,
      dryRun: true,
    });
    expect(dry.committed).toBe(false);
    expect(countItems(bank)).toBe(0);
    const real = await importItems(bank, bytes, {
      fileName: 'dian-gong.csv',
      actor: 'admin',
      validOnly: true,
    });
    expect([dry.imported, dry.skipped, dry.duplicates, dry.nearDuplicates.length]).toEqual([
      real.imported,
      real.skipped,
      real.duplicates,
      real.nearDuplicates.length,
    ]);
  });

  it('a refused import leaves nothing behind, even when the bad row comes last', async () => {
    const bank = memoryBank();
    const bad = new TextEncoder().encode(
      `${benchItemsCsv(300, POINTS, 9)}\n单选,最后一行没有答案。,甲,乙,丙,丁,,B-A-001,3`,
    );
    const report = await importItems(bank, recordingFile(bad, () => 0).file, {
      fileName: 'bad.csv',
      actor: 'admin',
    });
    expect(report).toMatchObject({ committed: false, refused: true, imported: 0 });
    expect(countItems(bank)).toBe(0);
  });
});
