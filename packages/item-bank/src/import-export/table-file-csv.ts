import { byteChunks, openByteSource, type ItemFileSource } from './byte-source';
import { readCsvRows } from './csv-reader';
import { FileReadError } from './file-read-error';
import type { TableRow } from './row-to-item';
import { TableFileError } from './table-file-rows';

/*
 * A roster or score sheet saved as CSV, read by the item bank's streamed CSV reader: bytes in
 * chunks → text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030; a byte that decodes
 * in none of them refuses the file naming its line) → records (papaparse's rules; comma, tab,
 * semicolon or pipe guessed from the first records). One record may not take more than
 * `maxRecordBytes` of the file: a file of nothing but commas would otherwise build one record
 * of millions of fields before any cap could look at it (docs/decisions/0996).
 */

/** The source's chunks, refusing once `maxBytes` have been read without a record coming out. */
function* guarded(
  chunks: Iterable<Uint8Array>,
  state: { sinceRecord: number; records: number },
  maxBytes: number,
  file: string,
): Generator<Uint8Array> {
  for (const chunk of chunks) {
    state.sinceRecord += chunk.length;
    if (state.sinceRecord > maxBytes) {
      const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
      throw new TableFileError(
        file,
        state.records + 1,
        `这一行（CSV 记录）超过 ${limit} 还没有结束（是否缺少换行，或有未闭合的引号？）(a record longer than ${limit})`,
      );
    }
    yield chunk;
  }
}

/** The records of a CSV file as rows numbered from 1; throws TableFileError. */
export function* csvTableRows(
  source: ItemFileSource,
  file: string,
  maxRecordBytes: number,
): Generator<TableRow> {
  const bytes = openByteSource(source);
  const state = { sinceRecord: 0, records: 0 };
  let held: TableRow | undefined;
  try {
    for (const row of readCsvRows(guarded(byteChunks(bytes), state, maxRecordBytes, file), file)) {
      state.sinceRecord = 0;
      state.records = row.row;
      if (held !== undefined) yield held;
      held = row;
    }
    // The line break that ends the last line makes no record of its own.
    const trailing = held?.cells.length === 1 && held.cells[0] === '';
    if (held !== undefined && !trailing) yield held;
  } catch (error) {
    if (error instanceof FileReadError) {
      throw new TableFileError(file, error.issue.row ?? 0, error.issue.reason);
    }
    throw error;
  } finally {
    bytes.close();
  }
}
