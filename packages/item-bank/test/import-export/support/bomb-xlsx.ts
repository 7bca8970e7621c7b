import { Deflate } from 'fflate';
import { crc32 } from 'node:zlib';
import type { ByteSourceFile } from '../../../src/import-export/byte-source';
import { buildRawZip, type RawZipEntry } from './raw-zip';

/*
 * An .xlsx zip bomb, for the bank's reader tests and the apps' upload attack tests: an
 * otherwise valid minimal workbook whose sheet XML is `megabytes` MB of
 * the same `<row>` repeated, deflated piece by piece (so the test never holds the inflated
 * sheet) — about a thousand to one. Plus a byte source that counts what a reader read of it.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const text = (name: string, xml: string): RawZipEntry => ({
  name,
  data: new TextEncoder().encode(xml),
});

/** `head`, `piece` × `times`, `tail`, deflated as it is made: never held inflated. */
function deflatedRepeat(
  name: string,
  head: string,
  piece: string,
  times: number,
  tail: string,
): RawZipEntry {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 });
  deflate.ondata = (chunk) => parts.push(chunk);
  let crc = 0;
  let size = 0;
  const push = (bytes: Uint8Array, final = false) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate.push(bytes, final);
  };
  const encoder = new TextEncoder();
  push(encoder.encode(head));
  const block = encoder.encode(piece);
  for (let i = 0; i < times; i += 1) push(block);
  push(encoder.encode(tail), true);
  return { name, deflated: { body: Buffer.concat(parts), crc, size } };
}

/**
 * A workbook whose one sheet (名单) inflates to about `megabytes` MB of the same row, its one
 * cell `cell` (the apps' upload tests put what their parser expects first there).
 */
export function bombXlsx(megabytes: number, cell = '张三'): Uint8Array {
  const row = `<row r="2"><c r="A2" t="inlineStr"><is><t>${cell}</t></is></c></row>`;
  const piece = row.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(row)));
  return buildRawZip([
    text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    text(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    deflatedRepeat(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row>`,
      piece,
      megabytes,
      '</sheetData></worksheet>',
    ),
  ]);
}

/** The bytes as a file that counts how many of them were read. */
export function countingFile(bytes: Uint8Array): ByteSourceFile & { readonly read: number } {
  let read = 0;
  return {
    get read() {
      return read;
    },
    open: () => ({
      size: bytes.length,
      read(position: number, length: number) {
        const slice = bytes.subarray(position, position + length);
        read += slice.length;
        return slice;
      },
      close: () => undefined,
    }),
  };
}
