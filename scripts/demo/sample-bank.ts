import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formatIssue,
  importItems,
  importStandardFile,
  openBank,
  reviewItem,
} from '@skillexam/item-bank';
import { ROOT } from './run-cli';

/** The sample occupation written by us: 电工 (6-31-01-03), 四级/中级工. */
export const SAMPLE_DIR = join(ROOT, 'samples/electrician');
export const SAMPLE_BLUEPRINT = join(SAMPLE_DIR, 'blueprint-level4.json');

/** Who wrote and who reviewed the sample items (four-eyes rule: two different people). */
const WRITER = '示例命题人';
const REVIEWER = '示例审核人';

export interface SampleBankSummary {
  readonly standardPoints: number;
  readonly items: number;
}

/**
 * Builds the sample bank in `bankFile` through the item-bank library: the standard, every item
 * file of samples/electrician/items, then each item submitted by its writer and approved by a
 * reviewer, as a bank would have them after review.
 */
export async function buildSampleBank(bankFile: string): Promise<SampleBankSummary> {
  const bank = openBank(bankFile);
  try {
    const standardFile = join(SAMPLE_DIR, 'standard.json');
    const standard = await importStandardFile(
      bank.standards,
      readFileSync(standardFile),
      standardFile,
      bank.clock(),
    );
    const itemDir = join(SAMPLE_DIR, 'items');
    const ids: string[] = [];
    for (const name of readdirSync(itemDir)
      .filter((n) => n.endsWith('.csv'))
      .sort()) {
      const file = join(itemDir, name);
      const report = await importItems(bank, readFileSync(file), { fileName: file, actor: WRITER });
      if (!report.committed) {
        const problems = report.issues.map(formatIssue).slice(0, 10).join('\n');
        throw new Error(`示例题库导入失败 (sample items refused): ${file}\n${problems}`);
      }
      ids.push(...report.importedIds);
    }
    for (const id of ids) {
      reviewItem(bank, id, { action: 'submit', actor: WRITER });
      reviewItem(bank, id, { action: 'approve', actor: REVIEWER });
    }
    return { standardPoints: standard.standard?.pointCount ?? 0, items: ids.length };
  } finally {
    bank.close();
  }
}
