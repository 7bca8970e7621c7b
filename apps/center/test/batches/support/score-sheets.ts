import ExcelJS from 'exceljs';

/** An .xlsx workbook with one sheet of these rows (all cells text, as offices send them). */
export async function xlsxOf(rows: readonly (readonly (string | number)[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('实操成绩');
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A CSV file (UTF-8 with BOM, CRLF) of these rows. */
export function csvOf(rows: readonly (readonly (string | number)[])[]): Uint8Array {
  const text = rows.map((row) => row.join(',')).join('\r\n');
  return new TextEncoder().encode(`\ufeff${text}\r\n`);
}
