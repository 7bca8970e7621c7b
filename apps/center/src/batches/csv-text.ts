/*
 * The small CSV reader the score sheet needs: bytes → text (UTF-8 with or without BOM, UTF-16
 * with BOM, else GB18030 — what Chinese Excel writes for "CSV"), then RFC 4180 records with the
 * separator guessed from the first line (comma, tab or semicolon). A score sheet is a few
 * thousand short rows, so the whole text is parsed at once.
 */

export class CsvTextError extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function decodeCsvText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('gb18030').decode(bytes);
    if (text.includes('\ufffd'))
      throw new CsvTextError(
        0,
        '文件编码无法识别：请另存为 UTF-8 或 GBK 编码的 CSV (unknown encoding)',
      );
    return text;
  }
}

function guessSeparator(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const counts = [',', '\t', ';'].map((sep) => [sep, firstLine.split(sep).length] as const);
  return counts.reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Records of the text; a quoted field may hold separators, line breaks and `""`. */
export function parseCsvRecords(text: string): string[][] {
  const sep = guessSeparator(text);
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    records.push(fields);
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"' && field === '') {
      let j = i + 1;
      for (;;) {
        if (j >= text.length)
          throw new CsvTextError(records.length + 1, 'CSV 格式错误：引号没有闭合 (unclosed quote)');
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            field += '"';
            j += 2;
            continue;
          }
          break;
        }
        field += text[j];
        j += 1;
      }
      i = j + 1;
      while (text[i] === ' ') i += 1;
      if (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r')
        throw new CsvTextError(
          records.length + 1,
          'CSV 格式错误：右引号后应是分隔符或换行 (text after a closing quote)',
        );
      continue;
    }
    if (char === sep) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
