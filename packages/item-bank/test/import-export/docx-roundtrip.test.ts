import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bank } from '../../src/db/open-bank';
import { writeDocxPaper } from '../../src/import-export/docx/docx-writer';
import { collectExportItems } from '../../src/imports/export-items';
import { importItems } from '../../src/imports/import-items';
import { memoryBank } from '../support/fixtures';

/*
 * A bank's items written as a Word paper in the common layout (sections by type, inline
 * 参考答案 and 解析) and imported back into another bank: the same items with the same keys.
 */

const fixture = (name: string) =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`./fixtures/docx-papers/${name}`, import.meta.url))),
  );

function exported(bank: Bank) {
  return collectExportItems(bank, {}).map(({ content, pointCode }) => {
    const { stem, explanation, difficulty, level } = content;
    const shape = {
      type: content.type,
      stem,
      explanation,
      difficulty,
      level,
      pointCode,
      key: content.key,
      options: 'options' in content ? content.options : undefined,
    };
    return shape;
  });
}

const byStem = (a: { stem: unknown }, b: { stem: unknown }) =>
  JSON.stringify(a.stem).localeCompare(JSON.stringify(b.stem));

describe('Word paper round trip', () => {
  it('exports the bank as a paper and imports it back with the same items, keys and pictures', async () => {
    const source = memoryBank();
    for (const [name, validOnly] of [
      ['inline-keys.docx', false],
      ['key-part.docx', false],
      ['tabs-and-pictures.docx', true],
    ] as const) {
      const report = await importItems(source, fixture(name), {
        fileName: name,
        actor: 'writer',
        validOnly,
      });
      expect(report.committed).toBe(true);
    }
    const items = collectExportItems(source, {});
    expect(items).toHaveLength(15);
    const paper = await writeDocxPaper(
      items,
      (hash) => source.items.getAsset(hash),
      '电工（四级）理论知识试卷',
    );
    expect(paper.skipped).toEqual([]);

    const target = memoryBank();
    const back = await importItems(target, paper.bytes, {
      fileName: 'paper.docx',
      actor: 'writer',
    });
    expect(back.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(back.imported).toBe(15);
    expect(exported(target).sort(byStem)).toEqual(exported(source).sort(byStem));
    const picture = collectExportItems(target, {})
      .flatMap((item) => item.content.stem.content)
      .find((block) => block.type === 'image');
    expect(picture?.type === 'image' && target.items.getAsset(picture.assetHash)?.mime).toBe(
      'image/webp',
    );
  });
});
