/*
 * An incremental CSV record parser with papaparse's rules (the rules the CSV reader used when it
 * parsed the whole text with papaparse): a field that starts with `"` is quoted, `""` inside it is
 * one quote, delimiters and line breaks inside quotes are text, spaces may follow the closing
 * quote, a quote inside an unquoted field is text; an empty line is a record with one empty
 * field, and text that ends with a line break ends with such a record. Text is pushed in pieces
 * of any size (a CRLF, a doubled quote or a character may be split between pieces); only the
 * unfinished record is kept between pushes.
 */

export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r\n' | '\r';
}

/** A syntax error; `record` is the 0-based index of the record it is in. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly record: number,
    readonly code: 'MissingQuotes' | 'InvalidQuotes',
  ) {
    super(code === 'MissingQuotes' ? 'Quoted field unterminated' : 'Malformed closing quote');
  }
}

const MORE = Symbol('more');

type Parsed = { fields: string[]; next: number } | typeof MORE;

const isSpace = (char: string | undefined) => char !== undefined && char.trim() === '';

export class CsvRecordParser {
  #buffer = '';
  #records = 0;
  #sawText = false;

  constructor(private readonly dialect: CsvDialect) {}

  /** Records completed by this piece of text. Throws CsvSyntaxError. */
  push(text: string): string[][] {
    if (text !== '') this.#sawText = true;
    this.#buffer = this.#buffer === '' ? text : this.#buffer + text;
    return this.#drain(false);
  }

  /** The last records at the end of the text. Throws CsvSyntaxError. */
  end(): string[][] {
    const records = this.#drain(true);
    if (this.#sawText && this.#buffer === '' && this.#endedWithNewline) {
      records.push(['']);
      this.#records += 1;
    }
    return records;
  }

  /** Characters held between pushes (the unfinished record). */
  get heldChars(): number {
    return this.#buffer.length;
  }

  #endedWithNewline = false;

  #drain(final: boolean): string[][] {
    const records: string[][] = [];
    let position = 0;
    while (position < this.#buffer.length) {
      const parsed = this.#record(position, final);
      if (parsed === MORE) break;
      records.push(parsed.fields);
      this.#records += 1;
      this.#endedWithNewline = parsed.next <= this.#buffer.length && this.#endsRecord(parsed.next);
      position = parsed.next;
    }
    this.#buffer = this.#buffer.slice(position);
    return records;
  }

  /** Whether the record that ends at `next` ended with a line break (not at the end of text). */
  #endsRecord(next: number): boolean {
    const { newline } = this.dialect;
    return this.#buffer.slice(next - newline.length, next) === newline;
  }

  #record(start: number, final: boolean): Parsed {
    const text = this.#buffer;
    const { delimiter, newline } = this.dialect;
    const fields: string[] = [];
    let position = start;
    for (;;) {
      if (text[position] === '"') {
        let search = position + 1;
        for (;;) {
          const close = text.indexOf('"', search);
          if (close === -1) {
            if (!final) return MORE;
            throw new CsvSyntaxError(this.#records, 'MissingQuotes');
          }
          if (close === text.length - 1) {
            if (!final) return MORE;
            fields.push(text.slice(position + 1, close).replaceAll('""', '"'));
            return { fields, next: text.length };
          }
          if (text[close + 1] === '"') {
            search = close + 2;
            continue;
          }
          let after = close + 1;
          while (
            isSpace(text[after]) &&
            !text.startsWith(delimiter, after) &&
            !text.startsWith(newline, after)
          ) {
            after += 1;
          }
          const needed = Math.max(delimiter.length, newline.length);
          if (!final && after + needed > text.length) return MORE;
          const value = text.slice(position + 1, close).replaceAll('""', '"');
          if (text.startsWith(delimiter, after)) {
            fields.push(value);
            position = after + delimiter.length;
            break;
          }
          if (text.startsWith(newline, after)) {
            fields.push(value);
            return { fields, next: after + newline.length };
          }
          throw new CsvSyntaxError(this.#records, 'InvalidQuotes');
        }
        continue;
      }
      const nextDelimiter = text.indexOf(delimiter, position);
      const nextNewline = text.indexOf(newline, position);
      if (nextDelimiter !== -1 && (nextNewline === -1 || nextDelimiter < nextNewline)) {
        fields.push(text.slice(position, nextDelimiter));
        position = nextDelimiter + delimiter.length;
        continue;
      }
      if (nextNewline !== -1) {
        // A CRLF newline whose LF has not arrived yet is found on the next push.
        fields.push(text.slice(position, nextNewline));
        return { fields, next: nextNewline + newline.length };
      }
      if (!final) return MORE;
      fields.push(text.slice(position));
      return { fields, next: text.length };
    }
  }
}
