import {
  readTableFile as readTable,
  tableFileKind as kindOf,
  type TableFileKind,
} from '@skillexam/item-bank/table-file';

/*
 * Reads the first sheet of an .xlsx (the first that is not an instructions sheet), or a .csv, as
 * rows of trimmed text cells, through the item bank's safe table reader (docs/decisions/0996):
 * an .xlsx that is a zip bomb, damaged, or a sheet past the row and cell caps is refused with
 * the reason (a TableFileError), never loaded whole. CSV encodings: UTF-8 (with or without
 * BOM), UTF-16 with BOM, else GB18030/GBK (Chinese Excel); bytes that decode in none of them are
 * refused naming the line.
 */

export type { TableFileKind } from '@skillexam/item-bank/table-file';

/** .xlsx or .csv (a roster is not accepted as .txt). */
export function tableFileKind(fileName: string): TableFileKind | undefined {
  return kindOf(fileName);
}

/** The rows, trimmed; throws TableFileError (its message names the row) when unreadable. */
export async function readTableFile(
  bytes: Uint8Array,
  kind: TableFileKind,
  fileName = `roster.${kind}`,
): Promise<string[][]> {
  const rows = await readTable(bytes, kind, fileName);
  return rows.map((row) => row.map((cell) => cell.trim()));
}
