import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ItemContent } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemFile } from '../../src/import-export/index';
import type { ExportItem } from '../../src/import-export/item-file-types';
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

  it.each(['anquan-one-cell.xlsx', 'diangong-one-cell-gbk.csv', 'hangong-lines.xlsx'])(
    'one-cell layout %s → export xlsx → import keeps every item, option and key',
    async (name) => {
      const source = new Uint8Array(
        readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))),
      );
      const first = await parseItemFile(source, { fileName: name });
      expect(first.items.length).toBeGreaterThanOrEqual(40);
      const exported: ExportItem[] = first.items.map((item, index) => ({
        id: `item-${index + 1}`,
        version: 1,
        content: {
          ...item.content,
          assessmentPointId: 'p1',
          level: item.content.level ?? 5,
          difficulty: item.content.difficulty ?? 3,
        } as ItemContent,
        tags: item.tags,
        status: 'draft',
      }));
      const bytes = await writeItemFile(exported, () => undefined, 'xlsx');
      const again = await parseItemFile(bytes, { fileName: 'export.xlsx' });
      expect(again.issues).toEqual([]);
      expect(again.items.map((item) => item.content)).toEqual(
        exported.map((item) => toParsedContent(item.content)),
      );
      expect(again.items.map((item) => item.content.key)).toEqual(
        first.items.map((item) => item.content.key),
      );
      expect(again.items.map((item) => item.tags)).toEqual(first.items.map((item) => item.tags));
    },
  );
});
