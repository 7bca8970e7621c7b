import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { bankContentHash } from '../src/db/content-hash';
import type { ItemFileFormat } from '../src/import-export/item-file-types';
import { createItem } from '../src/items/item-service';
import { importItems } from '../src/imports/import-items';
import { memoryBank, trueFalse } from './support/fixtures';

function zip(entries: [string, Uint8Array][]): Promise<Uint8Array> {
  const file = new yazl.ZipFile();
  for (const [name, bytes] of entries) {
    file.addBuffer(Buffer.from(bytes), name, { forceDosTimestamp: true });
  }
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    file.outputStream.on('error', reject);
  });
}

const text = (value: string) => new TextEncoder().encode(value);

/** Every malformed file is refused with a located reason and leaves the bank byte-identical. */
async function expectRefused(
  bytes: Uint8Array,
  fileName: string,
  format: ItemFileFormat | undefined,
  reason: RegExp,
) {
  const bank = memoryBank();
  createItem(bank, { content: trueFalse('已有的试题：验电器使用前应检验。') }, 'writer');
  const before = bankContentHash(bank.db);
  for (const validOnly of [false, true]) {
    const report = await importItems(bank, bytes, {
      fileName,
      actor: 'admin',
      validOnly,
      ...(format === undefined ? {} : { format }),
    });
    expect(report.committed).toBe(false);
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((issue) => `${issue.file} ${issue.reason}`).join('\n')).toMatch(reason);
  }
  expect(bankContentHash(bank.db)).toBe(before);
}

describe('malformed files change nothing', () => {
  it('a bank package with a ../ entry (zip-slip)', async () => {
    // yazl refuses to write "../" names, so write a same-length name and patch the bytes.
    const built = await zip([
      ['manifest.json', text('{}')],
      ['XX/evil.json', text('{}')],
    ]);
    const patched = Buffer.from(built)
      .toString('latin1')
      .replaceAll('XX/evil.json', '../evil.json');
    const bytes = new Uint8Array(Buffer.from(patched, 'latin1'));
    await expectRefused(bytes, 'slip.bankpkg', 'bankpkg', /\.\./);
  });

  it('a 50 MB zip bomb', { timeout: 30_000 }, async () => {
    const bytes = await zip([
      ['manifest.json', text('{}')],
      ['items.jsonl', new Uint8Array(50 * 1024 * 1024)],
    ]);
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    await expectRefused(bytes, 'bomb.bankpkg', 'bankpkg', /./);
  });

  it('a CSV without the stem column', async () => {
    await expectRefused(text('题型,答案,鉴定点代码\n判断,√,B-A-001\n'), 'nostem.csv', 'csv', /./);
  });

  it('a CSV whose key letter is not among the options', async () => {
    const csv =
      '题型,题干,选项A,选项B,答案,鉴定点代码\n单选,电缆的颜色标志是什么？,黄绿,淡蓝,D,B-A-001\n';
    await expectRefused(text(csv), 'key.csv', 'csv', /D/);
  });

  it('a GBK file with an undecodable byte sequence in the middle', async () => {
    const good = iconv.encode(
      '题型,题干,答案,鉴定点代码\n判断,接地线必须可靠连接。,√,B-A-001\n',
      'gbk',
    );
    const broken = new Uint8Array([...good, 0xff, 0xff, 0x81]);
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    const report = await importItems(bank, broken, { fileName: 'broken.csv', actor: 'admin' });
    // Either the decoder refuses the file or the row is reported; the bank never half-changes.
    if (!report.committed) expect(bankContentHash(bank.db)).toBe(before);
    else expect(report.imported).toBe(1);
  });

  it('broken Moodle XML', async () => {
    await expectRefused(
      text('<?xml version="1.0"?><quiz><question type="truefalse"><name>'),
      'broken.xml',
      'moodle',
      /./,
    );
  });
});
