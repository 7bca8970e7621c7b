import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseItemFile, writeItemFile } from '../../src/import-export/index';
import { restoreContent, toParsedContent } from '../../src/import-export/restore-content';
import { readZipSafely } from '../../src/import-export/safe-zip-reader';
import { writeZip } from '../../src/import-export/zip-writer';
import { buildRawZip } from './support/raw-zip';
import { PNG_BYTES, sampleExportItems } from './support/sample-items';

const pngHash = createHash('sha256').update(PNG_BYTES).digest('hex');
const assets = new Map([[pngHash, { bytes: PNG_BYTES, mime: 'image/png' }]]);
const lookup = (hash: string) => assets.get(hash);
const CREATED = '2026-01-01T00:00:00.000Z';

async function entriesOf(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await readZipSafely(bytes);
  if (!zip.ok) throw new Error(zip.reason);
  return zip.entries;
}

describe('bank package (.bankpkg)', () => {
  it('round-trips ids, versions, statuses, content and assets', async () => {
    const items = sampleExportItems(pngHash);
    const bytes = await writeItemFile(items, lookup, 'bankpkg', { createdAt: CREATED });
    const file = await parseItemFile(bytes, { fileName: 'bank.bankpkg' });
    expect(file.format).toBe('bankpkg');
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => [item.externalId, item.version, item.status])).toEqual(
      items.map((item) => [item.id, item.version, item.status]),
    );
    expect(file.items.map((item) => item.content)).toEqual(
      items.map((item) => toParsedContent(item.content)),
    );
    expect(file.items[1]).toMatchObject({
      pointCode: 'A-B-002',
      source: '国家题库',
      enemyGroup: 'g1',
    });
    expect(file.assets.get(pngHash)).toEqual({ bytes: PNG_BYTES, mime: 'image/png' });
  });

  it('writes the same bytes for the same items (deterministic)', async () => {
    const items = sampleExportItems(pngHash);
    const a = await writeItemFile(items, lookup, 'bankpkg', { createdAt: CREATED });
    const b = await writeItemFile(items, lookup, 'bankpkg', { createdAt: CREATED });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses a package whose entry was modified (sha256 mismatch)', async () => {
    const entries = await entriesOf(
      await writeItemFile(sampleExportItems(), lookup, 'bankpkg', { createdAt: CREATED }),
    );
    const lines = new TextDecoder()
      .decode(entries.get('items.jsonl'))
      .replace('电气设备', '电器设备');
    entries.set('items.jsonl', new TextEncoder().encode(lines));
    const file = await parseItemFile(await writeZip(entries), { fileName: 'x.bankpkg' });
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: 'x.bankpkg!items.jsonl',
        reason: expect.stringContaining('sha256'),
      }),
    ]);
  });

  it('refuses unlisted entries, a missing manifest and a manifest from the future', async () => {
    const entries = await entriesOf(
      await writeItemFile(sampleExportItems(), lookup, 'bankpkg', { createdAt: CREATED }),
    );
    const extra = new Map(entries).set('extra.txt', new Uint8Array([1]));
    expect(
      (await parseItemFile(await writeZip(extra), { fileName: 'a.bankpkg' })).issues[0]?.reason,
    ).toMatch(/未在 manifest/);
    const noManifest = new Map(entries);
    noManifest.delete('manifest.json');
    expect(
      (await parseItemFile(await writeZip(noManifest), { fileName: 'a.bankpkg' })).issues[0]
        ?.reason,
    ).toMatch(/manifest/);
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as Record<
      string,
      unknown
    >;
    const future = new Map(entries).set(
      'manifest.json',
      new TextEncoder().encode(JSON.stringify({ ...manifest, version: 99 })),
    );
    expect(
      (await parseItemFile(await writeZip(future), { fileName: 'a.bankpkg' })).issues[0]?.reason,
    ).toMatch(/升级/);
  });

  it('reports a bad line with its line number and keeps the good ones', async () => {
    const items = sampleExportItems();
    const broken = { ...items[2], content: { ...items[2]?.content, key: ['Z'] } };
    const lines = [JSON.stringify(items[0]), '{not json', JSON.stringify(broken)].join('\n');
    const data = new TextEncoder().encode(lines);
    const sha = createHash('sha256').update(data).digest('hex');
    const manifest = {
      format: 'skillexam-bankpkg',
      version: 1,
      createdAt: CREATED,
      itemCount: 3,
      entries: { 'items.jsonl': { sha256: sha, bytes: data.byteLength } },
    };
    const zip = await writeZip(
      new Map([
        ['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))],
        ['items.jsonl', data],
      ]),
    );
    const file = await parseItemFile(zip, { fileName: 'b.bankpkg' });
    expect(file.items).toHaveLength(1);
    expect(file.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'JSON'],
      [3, 'content.key.0'],
    ]);
  });

  it('reports the same id and version twice', async () => {
    const [item] = sampleExportItems();
    const lines = `${JSON.stringify(item)}\n${JSON.stringify(item)}\n`;
    const data = new TextEncoder().encode(lines);
    const sha = createHash('sha256').update(data).digest('hex');
    const manifest = {
      format: 'skillexam-bankpkg',
      version: 1,
      createdAt: CREATED,
      itemCount: 2,
      entries: { 'items.jsonl': { sha256: sha, bytes: data.byteLength } },
    };
    const zip = await writeZip(
      new Map([
        ['manifest.json', new TextEncoder().encode(JSON.stringify(manifest))],
        ['items.jsonl', data],
      ]),
    );
    const file = await parseItemFile(zip, { fileName: 'd.bankpkg' });
    expect(file.items).toHaveLength(1);
    expect(file.issues).toEqual([
      expect.objectContaining({ line: 2, item: 'item-1', field: 'id' }),
    ]);
  });

  it('is detected from its bytes even without the .bankpkg name; QTI and xlsx zips too', async () => {
    const { detectItemFileFormat } = await import('../../src/import-export/index');
    const items = sampleExportItems();
    const pkg = await writeItemFile(items, lookup, 'bankpkg', { createdAt: CREATED });
    const qti = await writeItemFile(items, lookup, 'qti');
    const xlsx = await writeItemFile(items, lookup, 'xlsx');
    expect(detectItemFileFormat('export.zip', pkg)).toBe('bankpkg');
    expect(detectItemFileFormat('export.zip', qti)).toBe('qti');
    expect(detectItemFileFormat('download', xlsx)).toBe('xlsx');
  });

  it('refuses a package with a ../ entry or a zip bomb, naming the entry', async () => {
    const slip = buildRawZip([{ name: '../evil', data: new Uint8Array([1]) }]);
    const slipFile = await parseItemFile(slip, { fileName: 'evil.bankpkg' });
    expect(slipFile.issues).toEqual([
      expect.objectContaining({ file: 'evil.bankpkg!../evil', severity: 'error' }),
    ]);
    const bomb = buildRawZip([
      { name: 'items.jsonl', data: new Uint8Array(50 * 1024 * 1024), deflate: true },
    ]);
    const bombFile = await parseItemFile(bomb, { fileName: 'bomb.bankpkg' });
    expect(bombFile.items).toEqual([]);
    expect(bombFile.issues[0]?.reason).toMatch(/压缩炸弹/);
  });

  it('restores old or unknown nodes in a body instead of failing', () => {
    const [item] = sampleExportItems();
    const stem = {
      format: 'item-body',
      version: 1,
      content: [
        { type: 'paragraph', children: [{ text: '题' }] },
        { type: 'video', children: [] },
      ],
    };
    const result = restoreContent({ ...item?.content, stem });
    expect(result.ok && result.dropped.length).toBe(1);
  });
});
