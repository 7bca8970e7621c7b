import { describe, expect, it } from 'vitest';
import { bankContentHash } from '../src/db/content-hash';
import { openBank } from '../src/db/open-bank';
import { importStandardFile, StandardImportError } from '../src/standards/import-standard';
import { writeStandardXlsx } from '../src/standards/write-standard-xlsx';
import { electricianStandardJson, electricianStandardWithWeights } from './support/fixtures';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('importing a standard into a bank', () => {
  it('stores the whole tree and reads it back identically', async () => {
    const bank = openBank(':memory:');
    const report = await importStandardFile(
      bank.standards,
      encode(electricianStandardJson()),
      'std.json',
      '2026-01-01T00:00:00Z',
    );
    expect(report.standard).toMatchObject({ id: '6-31-01-03:2018', rangeCount: 5, pointCount: 5 });
    const doc = bank.standards.getStandardDocument('6-31-01-03:2018');
    expect(doc?.ranges).toEqual(electricianStandardWithWeights().ranges);
    expect(doc?.standard.theoryWeights).toEqual(
      electricianStandardWithWeights().standard.theoryWeights,
    );
    expect(bank.standards.findPointsByPath('B-A-002')[0]).toMatchObject({
      name: '接地装置安装',
      importance: 'Z',
    });
  });

  it('imports the Excel template too, and refuses the same standard twice without changes', async () => {
    const bank = openBank(':memory:');
    const bytes = await writeStandardXlsx(electricianStandardWithWeights());
    await importStandardFile(bank.standards, bytes, 'std.xlsx', 't');
    const before = bankContentHash(bank.db);
    await expect(importStandardFile(bank.standards, bytes, 'std.xlsx', 't')).rejects.toThrow(
      /已有标准 6-31-01-03:2018/,
    );
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('an invalid file changes nothing and lists every issue', async () => {
    const bank = openBank(':memory:');
    const before = bankContentHash(bank.db);
    const raw = electricianStandardJson();
    raw.occupation.code = '631';
    const error = await importStandardFile(bank.standards, encode(raw), 'bad.json', 't').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StandardImportError);
    expect((error as StandardImportError).code).toBe('BAD_REQUEST');
    expect((error as StandardImportError).message).toMatch(/bad\.json occupation\.code/);
    expect(bankContentHash(bank.db)).toBe(before);
  });
});
