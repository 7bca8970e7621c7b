import { MAX_COLUMNS, MAX_ROWS } from './xlsx-sheet-rows';
import type { CheckedZip } from './zip-entries';
import { parseXmlBytes, XmlStream } from './xml-events';

/*
 * The small parts of an .xlsx that give the worksheet rows their meaning: the sheet list
 * (workbook.xml and its relationships), which cell styles are dates (styles.xml, the way
 * exceljs decides it), the shared strings (loaded once, as plain text: rich-text runs joined,
 * phonetic guides dropped) and the pictures anchored in cells (drawings).
 */

export interface SheetRef {
  readonly name: string;
  readonly path: string;
}

export interface CellPicture {
  /** 1-based row, 0-based column (the cell the picture's top-left corner is in). */
  readonly row: number;
  readonly col: number;
  readonly media: string;
}

/** exceljs's built-in number formats that it knows (ids it maps to a format code). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
};

/** exceljs's isDateFmt: date characters outside quotes and brackets. */
function isDateFormat(code: string | undefined): boolean {
  if (code === undefined || code === '') return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(partPath: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = partPath.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function relsPath(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Relationship id → { type, target path } of a part. */
export function readRelationships(
  zip: CheckedZip,
  partPath: string,
): Map<string, { type: string; path: string }> {
  const rels = new Map<string, { type: string; path: string }>();
  const path = relsPath(partPath);
  if (!zip.has(path)) return rels;
  parseXmlBytes(zip.read(path), {
    open(name, attributes) {
      const { Id: id, Target: target, Type: type = '', TargetMode: mode } = attributes;
      if (name !== 'Relationship' || id === undefined || target === undefined) return;
      if (mode === 'External') return;
      rels.set(id, { type, path: resolveTarget(partPath, target) });
    },
  });
  return rels;
}

export function readWorkbook(zip: CheckedZip): { sheets: SheetRef[]; date1904: boolean } {
  const path = 'xl/workbook.xml';
  const rels = readRelationships(zip, path);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  parseXmlBytes(zip.read(path), {
    open(name, attributes) {
      if (name === 'workbookPr') {
        date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      }
      if (name !== 'sheet' || attributes.id === undefined) return;
      const target = rels.get(attributes.id);
      if (target !== undefined && !/chartsheet/i.test(target.type)) {
        sheets.push({ name: attributes.name ?? '', path: target.path });
      }
    },
  });
  return { sheets, date1904 };
}

/** For each cell style index (`s`), whether exceljs would read its numbers as dates. */
export function readDateStyles(zip: CheckedZip): boolean[] {
  const path = 'xl/styles.xml';
  if (!zip.has(path)) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  parseXmlBytes(zip.read(path), {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId !== undefined) {
        formats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      }
      if (name === 'cellXfs') inCellXfs = true;
      if (name === 'xf' && inCellXfs) styleFormats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styleFormats.map((id) => isDateFormat(formats.get(id) ?? BUILT_IN_FORMATS[id]));
}

/** Excel's `_xHHHH_` escapes (e.g. `_x000D_` for a carriage return), as exceljs decodes them. */
function decodeEscapes(text: string): string {
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** The shared strings table, streamed from the zip (only the strings are kept). */
export function readSharedStrings(zip: CheckedZip): string[] {
  const path = zip.has('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : undefined;
  if (path === undefined) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  const xml = new XmlStream({
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(decodeEscapes((current ?? []).join('')));
        current = undefined;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText) current?.push(text);
    },
  });
  for (const chunk of zip.stream(path)) xml.writeBytes(chunk);
  xml.end();
  return strings;
}

/** A picture anchor's 0-based column or row, refused when it is not a cell of Excel's grid. */
function anchorIndex(text: string, field: 'row' | 'col', drawing: string): number {
  const value = Number(text.trim());
  const max = field === 'col' ? MAX_COLUMNS : MAX_ROWS;
  if (!Number.isInteger(value) || value < 0 || value >= max) {
    const shown = Number.isFinite(value) ? String(value + 1) : `“${text.trim()}”`;
    const where = `第 ${shown} ${field === 'col' ? '列' : '行'}`;
    throw new Error(
      `${drawing} 中的图片锚点在${where}，超出 Excel 的范围（最多 ${MAX_COLUMNS} 列（A–XFD）、${MAX_ROWS} 行）`,
    );
  }
  return value;
}

/** Pictures anchored in the sheet's cells (through its drawing parts); an anchor off the grid is refused. */
export function readCellPictures(zip: CheckedZip, sheetPath: string): CellPicture[] {
  const pictures: CellPicture[] = [];
  for (const rel of readRelationships(zip, sheetPath).values()) {
    if (!rel.type.endsWith('/drawing') || !zip.has(rel.path)) continue;
    const media = readRelationships(zip, rel.path);
    let from: { row: number; col: number } | undefined;
    let inFrom = false;
    let field: 'row' | 'col' | undefined;
    let embed: string | undefined;
    parseXmlBytes(zip.read(rel.path), {
      open(name, attributes) {
        if (name === 'twoCellAnchor' || name === 'oneCellAnchor') {
          from = undefined;
          embed = undefined;
        } else if (name === 'from') {
          inFrom = true;
          from = { row: 0, col: 0 };
        } else if (inFrom && (name === 'row' || name === 'col')) field = name;
        else if (name === 'blip') embed = attributes.embed;
      },
      close(name) {
        if (name === 'from') inFrom = false;
        if (name === 'row' || name === 'col') field = undefined;
        if ((name === 'twoCellAnchor' || name === 'oneCellAnchor') && from && embed) {
          const target = media.get(embed);
          if (target !== undefined) {
            pictures.push({ row: from.row + 1, col: from.col, media: target.path });
          }
        }
      },
      text(text) {
        if (from !== undefined && field !== undefined && text.trim() !== '') {
          from[field] = anchorIndex(text, field, rel.path);
        }
      },
    });
  }
  return pictures;
}
