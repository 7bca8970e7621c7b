import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { electricianStandardWithWeights } from '../../test/support/fixtures';
import { readStandardXlsx } from './read-standard-xlsx';
import { writeStandardXlsx } from './write-standard-xlsx';

async function edit(bytes: Uint8Array, change: (wb: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  change(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('Excel 细目表 template', () => {
  it('round-trips a standard through a real .xlsx file', async () => {
    const doc = electricianStandardWithWeights();
    const bytes = await writeStandardXlsx(doc);
    const result = await readStandardXlsx(bytes, '电工细目表.xlsx');
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.document?.ranges).toEqual(doc.ranges);
    expect(result.document?.occupation.code).toBe('6-31-01-03');
    expect(result.document?.standard.documentNumber).toBe('人社厅发〔2018〕145号');
    expect(result.document?.standard.theoryWeights).toEqual(doc.standard.theoryWeights);
  });

  it('pads numeric point codes that Excel stored as numbers', async () => {
    const bytes = await edit(await writeStandardXlsx(electricianStandardWithWeights()), (wb) => {
      const sheet = wb.getWorksheet('细目表')!;
      sheet.eachRow((row) => {
        if (row.getCell(8).value === '002') row.getCell(8).value = 2;
      });
    });
    const result = await readStandardXlsx(bytes, 'x.xlsx');
    expect(result.document).toBeDefined();
  });

  it('names sheet, row and column for a bad importance and a bad weight', async () => {
    const bytes = await edit(await writeStandardXlsx(electricianStandardWithWeights()), (wb) => {
      const sheet = wb.getWorksheet('细目表')!;
      sheet.getRow(4).getCell(10).value = 'Q';
      sheet.getRow(2).getCell(3).value = '三十';
    });
    const result = await readStandardXlsx(bytes, 'x.xlsx');
    expect(result.document).toBeUndefined();
    expect(result.issues).toContainEqual({
      file: 'x.xlsx',
      sheet: '细目表',
      row: 4,
      column: 'J',
      reason: '重要程度应为 X、Y 或 Z，实际为「Q」',
      severity: 'error',
    });
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'C',
        reason: '比重应为 0–100 的数字，实际为「三十」',
      }),
    );
  });

  it('reports duplicate range codes, a missing parent, a missing column and a missing sheet', async () => {
    const base = await writeStandardXlsx(electricianStandardWithWeights());
    const duplicate = await edit(base, (wb) => {
      wb.getWorksheet('细目表')!.addRow(['A-B', '重复', 1]);
      wb.getWorksheet('细目表')!.addRow(['C-A', '孤儿', 1]);
    });
    const dup = await readStandardXlsx(duplicate, 'x.xlsx');
    expect(dup.issues.map((i) => i.reason)).toEqual(
      expect.arrayContaining(['鉴定范围代码 A-B 重复', '上级鉴定范围 C 不存在，或写在了本行之后']),
    );
    const noColumn = await edit(base, (wb) => {
      wb.getWorksheet('细目表')!.getRow(1).getCell(10).value = '备注';
    });
    expect((await readStandardXlsx(noColumn, 'x.xlsx')).issues[0]?.reason).toBe(
      '缺少表头列「重要程度」',
    );
    const noSheet = await edit(base, (wb) => wb.removeWorksheet(wb.getWorksheet('标准信息')!.id));
    expect((await readStandardXlsx(noSheet, 'x.xlsx')).issues[0]?.reason).toBe(
      '缺少工作表「标准信息」',
    );
  });

  it('locates an invalid occupation code in the info sheet', async () => {
    const bytes = await edit(await writeStandardXlsx(electricianStandardWithWeights()), (wb) => {
      wb.getWorksheet('标准信息')!.getRow(1).getCell(2).value = '63101';
    });
    const result = await readStandardXlsx(bytes, 'x.xlsx');
    expect(result.issues[0]).toMatchObject({
      sheet: '标准信息',
      row: 1,
      column: 'B',
      field: '职业编码',
    });
  });

  it('rejects bytes that are not a workbook', async () => {
    const result = await readStandardXlsx(new TextEncoder().encode('not a zip'), 'x.xlsx');
    expect(result.issues[0]?.reason).toMatch(/不是有效的 \.xlsx 文件/);
  });
});
