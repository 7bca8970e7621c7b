import type { TextLeaf } from '@skillexam/shared';
import { writeZip } from '../zip-writer';

/*
 * The parts of a minimal .docx: WordprocessingML paragraphs, runs with marks, inline pictures
 * and simple tables, zipped with the content types and relationships Word and mammoth expect.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NAMESPACES = [
  `xmlns:w="${W}"`,
  `xmlns:r="${R}"`,
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"',
].join(' ');

export interface DocxMedia {
  /** File name inside word/media/, e.g. image1.png. */
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** Characters XML 1.0 cannot carry (controls other than tab, line feed, carriage return). */
function isXmlChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

export const xmlText = (value: string) =>
  [...value]
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** One run of text with the marks of a text leaf. */
export function runXml(leaf: TextLeaf): string {
  const props = [
    leaf.bold === true ? '<w:b/>' : '',
    leaf.italic === true ? '<w:i/>' : '',
    leaf.underline === true ? '<w:u w:val="single"/>' : '',
    leaf.superscript === true ? '<w:vertAlign w:val="superscript"/>' : '',
    leaf.subscript === true ? '<w:vertAlign w:val="subscript"/>' : '',
  ].join('');
  const rPr = props === '' ? '' : `<w:rPr>${props}</w:rPr>`;
  return `<w:r>${rPr}<w:t xml:space="preserve">${xmlText(leaf.text)}</w:t></w:r>`;
}

/** An inline picture; `index` is 1-based and names relationship rIdMedia<index>. */
export function pictureXml(index: number, alt: string, widthPx = 300): string {
  const emu = Math.round(widthPx * 9525);
  return `<w:r><w:drawing><wp:inline><wp:extent cx="${emu}" cy="${emu}"/><wp:docPr id="${index}" name="图片 ${index}" descr="${xmlText(alt)}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image${index}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdMedia${index}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
}

export const paragraphXml = (runs: string) => `<w:p>${runs}</w:p>`;

export function tableXml(rows: readonly (readonly string[])[]): string {
  const cell = (runs: string) => `<w:tc>${paragraphXml(runs)}</w:tc>`;
  return `<w:tbl><w:tblPr><w:tblBorders><w:top w:val="single"/><w:left w:val="single"/><w:bottom w:val="single"/><w:right w:val="single"/><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>${rows
    .map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`)
    .join('')}</w:tbl>`;
}

const enc = (value: string) => new TextEncoder().encode(value);

/** Zips a document body (paragraph and table XML) and its pictures as a .docx. */
export function writeDocxPackage(body: string, media: readonly DocxMedia[]): Promise<Uint8Array> {
  const types = new Map(
    media.map((item) => [item.name.split('.').pop() ?? 'bin', item.contentType]),
  );
  const defaults = [...types]
    .map(([ext, type]) => `<Default Extension="${xmlText(ext)}" ContentType="${xmlText(type)}"/>`)
    .join('');
  const rels = media
    .map(
      (item, index) =>
        `<Relationship Id="rIdMedia${index + 1}" Type="${R}/image" Target="media/${xmlText(item.name)}"/>`,
    )
    .join('');
  return writeZip(
    new Map<string, Uint8Array>([
      [
        '[Content_Types].xml',
        enc(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${defaults}<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        ),
      ],
      [
        '_rels/.rels',
        enc(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
        ),
      ],
      [
        'word/_rels/document.xml.rels',
        enc(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
        ),
      ],
      [
        'word/document.xml',
        enc(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${body}</w:body></w:document>`,
        ),
      ],
      ...media.map((item): [string, Uint8Array] => [`word/media/${item.name}`, item.bytes]),
    ]),
  );
}
