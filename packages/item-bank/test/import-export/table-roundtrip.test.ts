import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemFile } from '../../src/import-export/index';
import { toParsedContent } from '../../src/import-export/restore-content';
import { PNG_BYTES, sampleExportItems } from './support/sample-items';

const pngHash = createHash('sha256').update(PNG_BYTES).digest('hex');
const assets = new Map([[pngHash, { bytes: PNG_BYTES, mime: 'image/png' }]]);

describe('xlsx and CSV export → import round trip', () => {
  it('xlsx keeps every type, formulas, blanks, images, tags, 鉴定点 and ids', async () => {
    const items = sampleExportItems(pngHash);
    const bytes = await writeItemFile(items, (hash) => assets.get(hash), 'xlsx');
    const file = await parseItemFile(bytes, { fileName: 'export.xlsx' });
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content)).toEqual(
      items.map((item) => toParsedContent(item.content)),
    );
    expect(file.items.map((item) => item.pointCode)).toEqual(items.map((item) => item.pointCode));
    expect(file.items.map((item) => item.externalId)).toEqual(items.map((item) => item.id));
    expect(file.items[0]?.tags).toEqual(['安全', '接地']);
    expect(file.items[1]).toMatchObject({ source: '国家题库', enemyGroup: 'g1' });
    expect(file.assets.get(pngHash)?.bytes).toEqual(PNG_BYTES);
  });

  it('CSV keeps the same content except pictures, which it cannot carry and reports', async () => {
    const items = sampleExportItems();
    const bytes = await writeItemFile(items, () => undefined, 'csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = await parseItemFile(bytes, { fileName: 'export.csv' });
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content)).toEqual(
      items.map((item) => toParsedContent(item.content)),
    );

    const withImage = await writeItemFile(sampleExportItems(pngHash), () => undefined, 'csv');
    const reread = await parseItemFile(withImage, { fileName: 'export.csv' });
    expect(reread.items).toHaveLength(3);
    expect(reread.issues.map((issue) => [issue.row, issue.field, issue.severity])).toEqual([
      [3, '图片', 'error'],
      [4, '图片', 'error'],
    ]);
    expect(reread.issues[0]?.reason).toContain(pngHash.slice(0, 12));
  });
});
