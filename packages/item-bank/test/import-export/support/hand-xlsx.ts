import { PNG_BYTES } from './sample-items';
import { buildRawZip, type RawZipEntry } from './raw-zip';

/*
 * A small .xlsx written by hand (zip entries and XML as Excel lays them out), for hostile sheets
 * that no spreadsheet library would write: cell references past XFD, rows past 1,048,576, merge
 * ranges of a hundred million rows, picture anchors in column 1e9. The items are a 电工 bank
 * (题型/题干/选项A–D/答案), one item per row from row 2, as inline strings.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const ELECTRICIAN_ROWS: readonly (readonly string[])[] = [
  ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案'],
  ['单选', '我国工频交流电的频率为（ ）Hz。', '50', '60', '100', '220', 'A'],
  [
    '单选',
    '电动机的制动方式中，（ ）属于机械制动。',
    '电磁抱闸制动器',
    '反接制动',
    '能耗制动',
    '回馈制动',
    'A',
  ],
  ['判断', '电气设备的金属外壳应可靠接地。', '', '', '', '', '√'],
  ['多选', '下列属于绝缘材料的有（ ）。', '橡胶', '陶瓷', '铜', '云母', 'ABD'],
];

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
}

/** `<row>` elements for rows of texts, the first one numbered `first`. */
export function rowsXml(rows: readonly (readonly string[])[], first = 1): string {
  return rows
    .map((cells, index) => {
      const row = first + index;
      const inner = cells
        .map((text, col) => (text === '' ? '' : inlineCell(`${columnLetters(col)}${row}`, text)))
        .join('');
      return `<row r="${row}">${inner}</row>`;
    })
    .join('');
}

export interface HandSheet {
  /** What goes inside `<sheetData>`. */
  sheetData: string;
  /** What follows `</sheetData>` (e.g. `<mergeCells>`). */
  after?: string;
  /** A picture anchored with `<xdr:from>` at this 0-based column and row. */
  picture?: { col: string; row: string };
  /** Store the sheet uncompressed (a repetitive sheet would look like a zip bomb). */
  stored?: boolean;
}

const encode = (text: string) => new TextEncoder().encode(text);

export function handXlsx(sheet: HandSheet): Uint8Array {
  const drawing = sheet.picture !== undefined;
  const entries: RawZipEntry[] = [
    {
      name: '[Content_Types].xml',
      data: encode(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/></Types>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="试题" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      deflate: sheet.stored !== true,
      data: encode(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheet.sheetData}</sheetData>${sheet.after ?? ''}${drawing ? '<drawing r:id="rId1"/>' : ''}</worksheet>`,
      ),
    },
  ];
  if (sheet.picture !== undefined) {
    entries.push(
      {
        name: 'xl/worksheets/_rels/sheet1.xml.rels',
        data: encode(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
        ),
      },
      {
        name: 'xl/drawings/drawing1.xml',
        data: encode(
          `<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><xdr:oneCellAnchor><xdr:from><xdr:col>${sheet.picture.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${sheet.picture.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="190500" cy="190500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="接线图"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/></xdr:blipFill></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
        ),
      },
      {
        name: 'xl/drawings/_rels/drawing1.xml.rels',
        data: encode(
          `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
        ),
      },
      { name: 'xl/media/image1.png', data: PNG_BYTES },
    );
  }
  return buildRawZip(entries);
}
