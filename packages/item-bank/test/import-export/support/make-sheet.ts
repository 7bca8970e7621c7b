import ExcelJS from 'exceljs';

/** Builds a real .xlsx file from rows of cell values (as Excel would save it). */
export async function makeXlsx(
  rows: readonly (readonly ExcelJS.CellValue[])[],
  options: {
    sheetName?: string;
    extraSheetFirst?: string;
    image?: { bytes: Uint8Array; row: number; col: number };
  } = {},
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  if (options.extraSheetFirst !== undefined) {
    workbook.addWorksheet(options.extraSheetFirst).addRow(['这是说明页']);
  }
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const row of rows) sheet.addRow([...row]);
  if (options.image !== undefined) {
    const id = workbook.addImage({ buffer: options.image.bytes.slice().buffer, extension: 'png' });
    sheet.addImage(id, {
      tl: { col: options.image.col + 0.2, row: options.image.row + 0.2 },
      ext: { width: 20, height: 20 },
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
