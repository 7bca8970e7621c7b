import Papa from 'papaparse';
import { byteChunks, CHUNK_BYTES, openByteSource, type ItemFileSource } from './byte-source';
import { CsvRecordParser, CsvSyntaxError, type CsvDialect } from './csv-records';
import { FileReadError } from './file-read-error';
import type { ColumnMapping, ItemStreamEntry, ParsedItemFile } from './item-file-types';
import { collectEntries } from './item-stream';
import type { TableRow } from './row-to-item';
import { importTableRows } from './table-import';
import { decodeTextChunks, TextDecodeError } from './text-chunks';

/*
 * Reads the item template as CSV (or tab/semicolon/pipe separated text), row by row: bytes in
 * chunks → text (encoding detected from a leading sample, text-chunks.ts) → records
 * (csv-records.ts; delimiter and line break guessed by papaparse from the first records) →
 * the same row mapping as the xlsx reader. Rows are numbered by record (the header is row 1),
 * as Excel shows them.
 */

const DELIMITERS = [',', '\t', ';', '|'];
/** Enough text to hold the 10 records papaparse guesses the delimiter from. */
const GUESS_LINES = 11;
const GUESS_MAX_CHARS = 1024 * 1024;

function guessDialect(sample: string): CsvDialect {
  const { meta } = Papa.parse<string[]>(sample, {
    preview: 10,
    skipEmptyLines: false,
    delimitersToGuess: DELIMITERS,
  });
  const newline = meta.linebreak === '\r\n' || meta.linebreak === '\r' ? meta.linebreak : '\n';
  return { delimiter: meta.delimiter || ',', newline };
}

function lineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (char === 10 || char === 13) count += 1;
  }
  return count;
}

function csvIssue(fileName: string, error: CsvSyntaxError): FileReadError {
  const reason =
    error.code === 'MissingQuotes'
      ? 'CSV 格式错误：引号没有闭合（从这一行起到文件末尾都在引号内，未能读取）'
      : 'CSV 格式错误：右引号后面紧跟了其他字符（引号后应是分隔符或换行）；此行及以后未读取';
  return new FileReadError({ file: fileName, row: error.record + 1, reason, severity: 'error' });
}

/** The rows of a CSV file; throws FileReadError when the text or its quoting is broken. */
export function* readCsvRows(chunks: Iterable<Uint8Array>, fileName: string): Generator<TableRow> {
  let parser: CsvRecordParser | undefined;
  let sample = '';
  let row = 0;
  try {
    for (const text of decodeTextChunks(chunks)) {
      if (parser === undefined) {
        sample += text;
        if (lineBreaks(sample) < GUESS_LINES && sample.length < GUESS_MAX_CHARS) continue;
        parser = new CsvRecordParser(guessDialect(sample));
        for (const cells of parser.push(sample)) yield { row: (row += 1), cells };
        sample = '';
        continue;
      }
      for (const cells of parser.push(text)) yield { row: (row += 1), cells };
    }
    parser ??= new CsvRecordParser(guessDialect(sample));
    if (sample !== '') for (const cells of parser.push(sample)) yield { row: (row += 1), cells };
    for (const cells of parser.end()) yield { row: (row += 1), cells };
  } catch (error) {
    if (error instanceof TextDecodeError) {
      throw new FileReadError({
        file: fileName,
        field: '编码',
        reason: error.reason,
        severity: 'error',
      });
    }
    if (error instanceof CsvSyntaxError) throw csvIssue(fileName, error);
    throw error;
  }
}

/** Items and issues of a CSV file, one row at a time. */
export function* readCsvEntries(
  source: ItemFileSource,
  fileName: string,
  mapping?: ColumnMapping,
  chunkBytes = CHUNK_BYTES,
): Generator<ItemStreamEntry> {
  const bytes = openByteSource(source);
  try {
    yield* importTableRows(readCsvRows(byteChunks(bytes, chunkBytes), fileName), fileName, mapping);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    yield { kind: 'issue', issue: error.issue };
  } finally {
    bytes.close();
  }
}

export function readCsvItems(
  bytes: Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
): ParsedItemFile {
  return collectEntries('csv', new Map(), readCsvEntries(bytes, fileName, mapping));
}
