/*
 * Writes the benchmark's item file to disk (CSV, or the Excel template layout as .xlsx with
 * shared strings, as Excel saves it), in its own process run, so that generating it does not
 * count in the import's peak RSS.
 */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { benchItemsCsv } from './synthetic-bank';

export async function writeBenchInput(
  path: string,
  count: number,
  pointCodes: readonly string[],
): Promise<void> {
  const csv = benchItemsCsv(count, pointCodes);
  if (!path.toLowerCase().endsWith('.xlsx')) {
    writeFileSync(path, csv);
    return;
  }
  const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('试题');
  for (const row of rows) {
    sheet
      .addRow(row.map((cell) => (/^\d+$/.test(cell) && cell.length < 3 ? Number(cell) : cell)))
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}
