import { createHash } from 'node:crypto';
import {
  errorMessage,
  AdmissionTicketNumberSchema,
  isValidChineseIdNumber,
  type Accommodations,
} from '@skillexam/shared';
import {
  REQUIRED_ROSTER_FIELDS,
  ROSTER_FIELD_LABELS,
  ROSTER_FIELDS,
  rosterFieldOfHeader,
  type RosterField,
} from './roster-columns';
import { accommodationsOf, parseExtraMinutes, parseYesNo } from './accommodation-cells';
import { readTableFile, tableFileKind } from './read-table-file';

/*
 * Parses a roster (考生名单) from .xlsx or .csv into rows, and reports EVERY problem with its
 * file, row (as the spreadsheet numbers it) and field. Nothing is stored here: the caller
 * imports all rows in one transaction only when there is no issue (all-or-nothing).
 */

export interface RosterPhoto {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly mimeType: 'image/jpeg' | 'image/png';
}

export interface RosterRow {
  /** Row number in the file (1-based, header included), for messages. */
  readonly row: number;
  readonly admissionTicketNumber: string;
  readonly name: string;
  /** Upper-case, checksum valid. */
  readonly idNumber: string;
  /** 考场 as written in the file (a room name or number); the caller maps it to a room. */
  readonly room: string;
  /** 座位号 as written; absent when the cell (or column) is empty: the import seats the row. */
  readonly seat?: number;
  readonly photo?: RosterPhoto;
  /** The photo's file name when the file names one but no photos were supplied. */
  readonly photoFileName?: string;
  /** 延长时间/分钟, 大字体, 高对比度 when the row grants any. */
  readonly accommodations?: Accommodations;
}

export interface RosterIssue {
  readonly file: string;
  /** Row number in the file; 0 for problems with the file as a whole. */
  readonly row: number;
  /** The Chinese column header, or '' for the whole row or file. */
  readonly field: string;
  readonly reason: string;
}

export interface ParsedRoster {
  readonly rows: readonly RosterRow[];
  readonly issues: readonly RosterIssue[];
}

export interface ParseRosterOptions {
  readonly fileName: string;
  /** Photo files by file name, e.g. from a folder or zip chosen with the roster. */
  readonly photos?: ReadonlyMap<string, Uint8Array>;
  /** Largest number of candidate rows accepted (default 20,000). */
  readonly maxRows?: number;
}

const HEADER_SEARCH_ROWS = 10;
const DEFAULT_MAX_ROWS = 20_000;
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

function photoMimeType(bytes: Uint8Array): RosterPhoto['mimeType'] | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)
    return 'image/png';
  return undefined;
}

function findHeader(
  table: readonly string[][],
): { index: number; columns: Map<RosterField, number> } | undefined {
  for (let index = 0; index < Math.min(HEADER_SEARCH_ROWS, table.length); index += 1) {
    const columns = new Map<RosterField, number>();
    (table[index] ?? []).forEach((cell, column) => {
      const field = rosterFieldOfHeader(cell);
      if (field !== undefined && !columns.has(field)) columns.set(field, column);
    });
    if (columns.has('admissionTicketNumber') && columns.has('name')) return { index, columns };
  }
  return undefined;
}

/** Parses and checks a roster file; every problem is returned, none is thrown. */
export async function parseRoster(
  bytes: Uint8Array,
  options: ParseRosterOptions,
): Promise<ParsedRoster> {
  const file = options.fileName;
  const issues: RosterIssue[] = [];
  const fileIssue = (reason: string): ParsedRoster => ({
    rows: [],
    issues: [{ file, row: 0, field: '', reason }],
  });
  const kind = tableFileKind(file);
  if (kind === undefined)
    return fileIssue('不支持的文件类型：请使用 .xlsx 或 .csv (expected .xlsx or .csv)');
  if (bytes.length > MAX_FILE_BYTES)
    return fileIssue(`文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB (file too large)`);
  let table: string[][];
  try {
    table = (await readTableFile(bytes, kind)).map((row) =>
      row.map((cell) => cell.normalize('NFKC').trim()),
    );
  } catch (error) {
    const detail = errorMessage(error);
    return fileIssue(`无法读取文件 (could not read the ${kind} file: ${detail})`);
  }
  const header = findHeader(table);
  if (header === undefined) {
    return fileIssue(
      `前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（至少需要“准考证号”和“姓名”列）(header row not found)`,
    );
  }
  for (const field of REQUIRED_ROSTER_FIELDS) {
    if (!header.columns.has(field)) {
      issues.push({
        file,
        row: header.index + 1,
        field: ROSTER_FIELD_LABELS[field],
        reason: '缺少必需的列 (required column missing)',
      });
    }
  }
  if (issues.length > 0) return { rows: [], issues };

  const rows: RosterRow[] = [];
  const firstRowOf = {
    ticket: new Map<string, number>(),
    idNumber: new Map<string, number>(),
    seat: new Map<string, number>(),
  };
  const dataRows = table.slice(header.index + 1);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const candidateCount = dataRows.filter((cells) => cells.some((cell) => cell !== '')).length;
  if (candidateCount > maxRows) {
    return fileIssue(
      `考生 ${candidateCount} 人，超过上限 ${maxRows} 人 (more than ${maxRows} rows)`,
    );
  }
  dataRows.forEach((cells, offset) => {
    const row = header.index + 2 + offset;
    const value = (field: RosterField): string => {
      const column = header.columns.get(field);
      return column === undefined ? '' : (cells[column] ?? '');
    };
    if (ROSTER_FIELDS.every((field) => value(field) === '')) return;
    const rowIssues: RosterIssue[] = [];
    const problem = (field: RosterField, reason: string): void => {
      rowIssues.push({ file, row, field: ROSTER_FIELD_LABELS[field], reason });
    };

    const ticket = value('admissionTicketNumber');
    const ticketCheck = AdmissionTicketNumberSchema.safeParse(ticket);
    if (ticket === '') problem('admissionTicketNumber', '不能为空 (required)');
    else if (!ticketCheck.success)
      problem(
        'admissionTicketNumber',
        `“${ticket}”格式不对：应为 4–32 位字母、数字或“-” (4–32 letters, digits or "-")`,
      );

    const name = value('name').replace(/\s+/gu, ' ');
    if (name === '') problem('name', '不能为空 (required)');
    else if (name.length > 50) problem('name', '超过 50 个字符 (longer than 50 characters)');

    const idNumber = value('idNumber').toUpperCase();
    if (idNumber === '') problem('idNumber', '不能为空 (required)');
    else if (!isValidChineseIdNumber(idNumber)) {
      const hint =
        /^\d+(\.\d+)?(E\+\d+)?$/i.test(idNumber) && idNumber.length !== 18
          ? '；Excel 可能把它存成了数字，请将该列设为文本'
          : '';
      problem(
        'idNumber',
        `“${idNumber}”不是有效的 18 位身份证号：长度或校验码错误${hint} (invalid ID number: length or check character)`,
      );
    }

    const room = value('room');
    if (room === '') problem('room', '不能为空 (required)');
    else if (room.length > 100) problem('room', '超过 100 个字符 (longer than 100 characters)');

    const seatText = value('seat');
    const seat = /^\d{1,3}$/.test(seatText) ? Number(seatText) : Number.NaN;
    if (seatText !== '' && (!Number.isInteger(seat) || seat < 1 || seat > 999))
      problem('seat', `“${seatText}”应为 1–999 的整数 (expected a whole number 1–999)`);

    let photo: RosterPhoto | undefined;
    const photoFileName = value('photo');
    if (photoFileName !== '') {
      if (/[\\/]|^\.\.?$/.test(photoFileName)) {
        problem('photo', `“${photoFileName}”应为文件名，不能含路径 (a file name without folders)`);
      } else if (options.photos !== undefined) {
        const photoBytes = options.photos.get(photoFileName);
        const mimeType = photoBytes === undefined ? undefined : photoMimeType(photoBytes);
        if (photoBytes === undefined)
          problem('photo', `找不到照片文件“${photoFileName}” (photo file not found)`);
        else if (photoBytes.length > MAX_PHOTO_BYTES)
          problem('photo', `照片“${photoFileName}”超过 2 MB (photo larger than 2 MB)`);
        else if (mimeType === undefined)
          problem('photo', `照片“${photoFileName}”不是 JPEG 或 PNG 图片 (not a JPEG or PNG image)`);
        else
          photo = {
            fileName: photoFileName,
            bytes: photoBytes,
            mimeType,
            sha256: createHash('sha256').update(photoBytes).digest('hex'),
          };
      }
    }

    const extra = parseExtraMinutes(value('extraMinutes'));
    if ('problem' in extra) problem('extraMinutes', extra.problem);
    const largeText = parseYesNo(value('largeText'));
    if ('problem' in largeText) problem('largeText', largeText.problem);
    const highContrast = parseYesNo(value('highContrast'));
    if ('problem' in highContrast) problem('highContrast', highContrast.problem);
    const accommodations =
      'value' in extra && 'value' in largeText && 'value' in highContrast
        ? accommodationsOf(extra.value, largeText.value, highContrast.value)
        : undefined;

    const duplicate = (
      map: Map<string, number>,
      key: string,
      field: RosterField,
      label: string,
    ): void => {
      if (key === '') return;
      const first = map.get(key);
      if (first === undefined) map.set(key, row);
      else problem(field, `${label}与第 ${first} 行重复 (duplicate of row ${first})`);
    };
    duplicate(firstRowOf.ticket, ticket, 'admissionTicketNumber', `准考证号“${ticket}”`);
    duplicate(firstRowOf.idNumber, idNumber, 'idNumber', `身份证号“${idNumber}”`);
    if (room !== '' && Number.isInteger(seat))
      duplicate(firstRowOf.seat, `${room}\u0000${seat}`, 'seat', `考场“${room}”的座位 ${seat} `);

    issues.push(...rowIssues);
    if (rowIssues.length === 0) {
      rows.push({
        row,
        admissionTicketNumber: ticket,
        name,
        idNumber,
        room,
        ...(seatText === '' ? {} : { seat }),
        ...(photo === undefined ? {} : { photo }),
        ...(photo === undefined && photoFileName !== '' && options.photos === undefined
          ? { photoFileName }
          : {}),
        ...(accommodations === undefined ? {} : { accommodations }),
      });
    }
  });
  if (rows.length === 0 && issues.length === 0)
    issues.push({ file, row: 0, field: '', reason: '名单中没有考生 (no candidate rows)' });
  return { rows, issues };
}
