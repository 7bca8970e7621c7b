import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBank, type Bank } from '../../src/db/open-bank';
import { importStandardFile } from '../../src/standards/import-standard';
import { fakeClock, sequentialIds, tempDir } from '../support/fixtures';

/** A committed fixture of test/import-export/fixtures as bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../import-export/fixtures/${name}`, import.meta.url))),
  );
}

export const DIANGONG = '6-31-01-03:2018';
export const diangongPoint = (path: string) => `${DIANGONG}:${path}`;
export const DIANGONG_POOL = `${DIANGONG}:_unclassified`;

/** A real .qbank file in a temp folder with the 电工 四级 standard excerpt imported. */
export async function diangongBankFile(): Promise<{
  bank: Bank;
  path: string;
  cleanup: () => void;
}> {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'diangong.qbank');
  const bank = openBank(path, { clock: fakeClock(), newId: sequentialIds('dg') });
  await importStandardFile(
    bank.standards,
    fixtureBytes('diangong-standard-4.json'),
    'diangong-standard-4.json',
    '2026-01-01T00:00:00.000Z',
  );
  return {
    bank,
    path,
    cleanup: () => {
      bank.close();
      cleanup();
    },
  };
}
