import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importItems, importStandardFile, openBank, reviewItems } from '@skillexam/item-bank';

const SAMPLE = fileURLToPath(new URL('../../../../samples/electrician/', import.meta.url));

/** The demo bank as `npm start` builds it: standard, sample items, reviewed by another person. */
export async function buildDemoBank(file: string): Promise<void> {
  const bank = openBank(file);
  try {
    const standardFile = join(SAMPLE, 'standard.json');
    await importStandardFile(
      bank.standards,
      readFileSync(standardFile),
      standardFile,
      bank.clock(),
    );
    const ids: string[] = [];
    for (const name of readdirSync(join(SAMPLE, 'items')).sort()) {
      const report = await importItems(bank, readFileSync(join(SAMPLE, 'items', name)), {
        fileName: name,
        actor: '示例命题人',
      });
      ids.push(...report.importedIds);
    }
    reviewItems(bank, ids, { action: 'submit', actor: '示例命题人' });
    reviewItems(bank, ids, { action: 'approve', actor: '示例审核人' });
  } finally {
    bank.close();
  }
}
