import { chineseIdCheckChar } from '@skillexam/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

/** A valid ID number built from 17 digits (the check character is computed). */
export function idNumber(first17: string): string {
  const check = chineseIdCheckChar(first17);
  if (check === undefined) throw new Error(`bad test id ${first17}`);
  return first17 + check;
}

export const ID_1 = idNumber('11010119900307123');
export const ID_2 = idNumber('44030519851120456');
export const ID_3 = idNumber('32010219991231002');

export const HEADER = ['准考证号', '姓名', '身份证号', '照片', '考场', '座位号'];

export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.join(',')).join('\r\n');
}

export function utf8Csv(rows: readonly (readonly string[])[], bom = false): Uint8Array {
  return new TextEncoder().encode((bom ? '\ufeff' : '') + csvText(rows));
}

export function gbkCsv(rows: readonly (readonly string[])[]): Uint8Array {
  return new Uint8Array(iconv.encode(csvText(rows), 'gbk'));
}

export async function xlsx(
  rows: readonly (readonly (string | number)[])[],
  title?: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考生名单');
  if (title !== undefined) sheet.addRow([title]);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
