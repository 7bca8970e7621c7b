import Papa from 'papaparse';
import {
  byteChunks,
  CHUNK_BYTES,
  isBytes,
  openByteSource,
  type ItemFileSource,
} from './byte-source';
import { CsvRecordParser, CsvSyntaxError, type CsvDialect } from './csv-records';
import { FileReadError } from './file-read-error';
import type { ColumnMapping, ItemStreamEntry, ParsedItemFile, ReadMeter } from './item-file-types';
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
    // Blank lines (the one after a final line break) would pull the fields per line under two.
    skipEmptyLines: true,
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

function* counted(chunks: Iterable<Uint8Array>, read: { bytes: number }): Generator<Uint8Array> {
  for (const chunk of chunks) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

/** Items and issues of a CSV file, one row at a time; `read.bytes` counts the bytes read. */
export function* readCsvEntries(
  source: ItemFileSource,
  fileName: string,
  mapping?: ColumnMapping,
  chunkBytes = CHUNK_BYTES,
  read: { bytes: number } = { bytes: 0 },
): Generator<ItemStreamEntry> {
  const bytes = openByteSource(source);
  try {
    const chunks = counted(byteChunks(bytes, chunkBytes), read);
    yield* importTableRows(readCsvRows(chunks, fileName), fileName, mapping);
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    yield { kind: 'issue', issue: error.issue };
  } finally {
    bytes.close();
  }
}

/** CSV entries with their meter: bytes of the file read. */
export function meteredCsvEntries(
  source: ItemFileSource,
  fileName: string,
  mapping?: ColumnMapping,
): { entries: Iterable<ItemStreamEntry>; meter: ReadMeter } {
  const read = { bytes: 0 };
  const total = isBytes(source) ? source.length : sizeOf(source);
  return {
    entries: readCsvEntries(source, fileName, mapping, CHUNK_BYTES, read),
    meter: { unit: 'bytes', total, done: () => read.bytes },
  };
}

function sizeOf(source: ItemFileSource): number {
  const bytes = openByteSource(source);
  try {
    return bytes.size;
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
