import { readFile } from 'node:fs/promises';
import {
  checkResultsDerivation,
  verifyResultsPackage,
  type ResultsPayload,
} from '@skillexam/item-bank/results-package';
import ExcelJS from 'exceljs';

/* Reading the files 成绩导出 hands out, as the centre and the site's staff would. */

/** The rows of every sheet of an .xlsx as text cells. */
export async function xlsxRows(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row.map(String)] : [])),
  );
}

/**
 * The signed results package checked as `proctor-server results verify` does: the signature by
 * the key the package carries, whose id the caller compares with one known from elsewhere, and
 * every score re-derived from the answers and the key (throws on any problem).
 */
export async function verifiedResults(
  file: string,
): Promise<{ keyId: string; payload: ResultsPayload }> {
  const signed = await readFile(file);
  const carried = (JSON.parse(signed.toString('utf8')) as { payload: ResultsPayload }).payload.audit
    ?.publicKeyPem;
  const verified = verifyResultsPackage(signed, carried === undefined ? [] : [carried]);
  if (!verified.ok) throw new Error(`results package: ${verified.message}`);
  const { problems } = checkResultsDerivation(verified.payload);
  if (problems.length > 0) throw new Error(`results package: ${JSON.stringify(problems)}`);
  return { keyId: verified.keyId, payload: verified.payload };
}
