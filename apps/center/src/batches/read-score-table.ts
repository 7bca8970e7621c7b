import {
  readTableFile,
  TableFileError,
  tableFileKind,
  type TableFileKind,
} from '@skillexam/item-bank/table-file';

/*
 * Reads the first sheet of an .xlsx (the first that is not an instructions sheet), or a .csv /
 * .txt, as rows of trimmed (NFKC) text cells — the shape the score-sheet parser checks —
 * through the item bank's safe table reader (docs/decisions/0996): an .xlsx that is a zip bomb
 * or damaged, a CSV that is not UTF-8/UTF-16/GBK or badly quoted, or a sheet past the row and
 * cell caps is refused with the reason. Numbers are written as JavaScript writes them (an ID
 * number Excel stored as a number shows up as digits or an exponent, and the parser says so).
 */

export type ScoreTableKind = TableFileKind;

export function scoreTableKind(fileName: string): ScoreTableKind | undefined {
  return tableFileKind(fileName, { txtAsCsv: true });
}

export class ScoreTableError extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const EXCEL_PREFIX = '无法读取 Excel 文件';

/** The reader's refusal, worded as the centre words an unreadable file. */
function reasonOf(kind: ScoreTableKind, reason: string): string {
  if (kind !== 'xlsx') return reason;
  const detail = reason.startsWith(EXCEL_PREFIX)
    ? reason.slice(EXCEL_PREFIX.length)
    : `：${reason}`;
  return `无法读取 .xlsx 文件${detail} (not a readable .xlsx workbook)`;
}

/** The rows of the sheet; throws ScoreTableError when the file cannot be read at all. */
export async function readScoreTable(
  bytes: Uint8Array,
  kind: ScoreTableKind,
  fileName = `scores.${kind}`,
): Promise<string[][]> {
  let rows: string[][];
  try {
    rows = await readTableFile(bytes, kind, fileName);
  } catch (error) {
    if (error instanceof TableFileError)
      throw new ScoreTableError(error.row, reasonOf(kind, error.reason));
    throw error;
  }
  return rows.map((cells) => cells.map((cell) => cell.normalize('NFKC').trim()));
}
