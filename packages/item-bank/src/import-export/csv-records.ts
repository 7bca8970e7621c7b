/*
 * An incremental CSV record parser with papaparse's rules (the rules the CSV reader used when it
 * parsed the whole text with papaparse): a field that starts with `"` is quoted, `""` inside it is
 * one quote, delimiters and line breaks inside quotes are text, spaces may follow the closing
 * quote, a quote inside an unquoted field is text; an empty line is a record with one empty
 * field, and text that ends with a line break ends with such a record. Text is pushed in pieces
 * of any size (a CRLF, a doubled quote or a character may be split between pieces); only the
 * unfinished record is kept between pushes, with how far it has been read, so a huge field
 * (a whole bank pasted into one cell) is scanned once, not once per push.
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
/** Not searched yet in this drain. */
const UNKNOWN = -2;

type Parsed = { fields: string[]; next: number } | typeof MORE;

/**
 * How far the unfinished record at the start of the buffer was read: its complete fields, where
 * the field being read starts, and from where to go on looking for its end (all relative to the
 * record's start, which stays the buffer's start until the record is complete).
 */
interface Progress {
  fields: string[];
  field: number;
  resume: number;
  /** Characters without which a new piece cannot finish the field (then it is only held). */
  awaits?: string;
  /**
   * The raw text (doubled quotes not yet undone) of a quoted field that is still open, taken out
   * of the buffer: the buffer then starts inside that field.
   */
  quoted?: string[];
}

const isSpace = (char: string | undefined) => char !== undefined && char.trim() === '';

export class CsvRecordParser {
  #buffer = '';
  #records = 0;
  #sawText = false;

  constructor(private readonly dialect: CsvDialect) {}

  /** Records completed by this piece of text. Throws CsvSyntaxError. */
  push(text: string): string[][] {
    if (text !== '') this.#sawText = true;
    const awaits = this.#progress?.awaits;
    if (awaits !== undefined && ![...awaits].some((char) => text.includes(char))) {
      // Nothing in this piece can end the field: keep it aside rather than re-joining the
      // whole unfinished record on every piece.
      this.#pending.push(text);
      this.#pendingChars += text.length;
      return [];
    }
    this.#takePending(text);
    return this.#drain(false);
  }

  #pending: string[] = [];
  #pendingChars = 0;

  #takePending(text: string): void {
    const added = this.#pending.length === 0 ? text : [...this.#pending, text].join('');
    this.#pending = [];
    this.#pendingChars = 0;
    this.#buffer = this.#buffer === '' ? added : this.#buffer + added;
  }

  /** The last records at the end of the text. Throws CsvSyntaxError. */
  end(): string[][] {
    this.#takePending('');
    const records = this.#drain(true);
    if (this.#sawText && this.#buffer === '' && this.#endedWithNewline) {
      records.push(['']);
      this.#records += 1;
    }
    return records;
  }

  /** Characters held between pushes (the unfinished record). */
  get heldChars(): number {
    const quoted = this.#progress?.quoted ?? [];
    const banked = quoted.reduce((total, part) => total + part.length, 0);
    return this.#buffer.length + this.#pendingChars + banked;
  }

  /** Where the buffer is cut after a MORE inside a quoted field (its read part was taken out). */
  #cut: number | undefined;

  #endedWithNewline = false;

  /**
   * Where the next delimiter and line break are in the buffer (-1: none left), kept for one
   * drain (the buffer does not change during it and positions only move on): without it every
   * field of a line with no line break, or every line of a file with no delimiter, searched to
   * the end of the buffer again (quadratic).
   */
  #found = { delimiter: UNKNOWN, newline: UNKNOWN };

  #next(kind: 'delimiter' | 'newline', from: number): number {
    const at = this.#found[kind];
    if (at !== UNKNOWN && (at === -1 || at >= from)) return at;
    const found = this.#buffer.indexOf(this.dialect[kind], from);
    this.#found[kind] = found;
    return found;
  }

  #progress: Progress | undefined;

  #drain(final: boolean): string[][] {
    const records: string[][] = [];
    this.#found = { delimiter: UNKNOWN, newline: UNKNOWN };
    let position = 0;
    // At the end, an open quoted field whose text was all taken out of the buffer still ends.
    const openField = () => final && position === 0 && this.#progress?.quoted !== undefined;
    while (position < this.#buffer.length || openField()) {
      const parsed = this.#record(position, final);
      if (parsed === MORE) {
        position = this.#cut ?? position;
        this.#cut = undefined;
        break;
      }
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
    const parsed = this.#readRecord(start, final);
    if (parsed !== MORE) this.#progress = undefined;
    return parsed;
  }

  /** Keeps how far the unfinished record was read, then asks for more text. */
  #more(
    start: number,
    fields: string[],
    field: number,
    resume: number,
    awaits?: string,
  ): typeof MORE {
    this.#progress = {
      fields,
      field: field - start,
      resume: resume - start,
      ...(awaits === undefined ? {} : { awaits }),
    };
    return MORE;
  }

  /**
   * Takes the read part of an open quoted field out of the buffer (up to `cut`, where no doubled
   * quote can be split), so the next piece is joined to the unread rest only.
   */
  #moreInQuotes(
    fields: string[],
    banked: readonly string[],
    raw: string,
    cut: number,
    awaits?: string,
  ): typeof MORE {
    this.#progress = {
      fields,
      field: 0,
      resume: 0,
      quoted: [...banked, raw],
      ...(awaits === undefined ? {} : { awaits }),
    };
    this.#cut = cut;
    return MORE;
  }

  #readRecord(start: number, final: boolean): Parsed {
    const text = this.#buffer;
    const { delimiter, newline } = this.dialect;
    const progress = start === 0 ? this.#progress : undefined;
    const fields: string[] = progress === undefined ? [] : [...progress.fields];
    let position = progress === undefined ? start : start + progress.field;
    let resume = progress === undefined ? position : start + progress.resume;
    let banked = progress?.quoted;
    for (;;) {
      if (banked !== undefined || text[position] === '"') {
        const before = banked ?? [];
        const contentStart = banked === undefined ? position + 1 : position;
        banked = undefined;
        const content = (end: number) =>
          [...before, text.slice(contentStart, end)].join('').replaceAll('""', '"');
        let search = Math.max(contentStart, resume);
        for (;;) {
          const close = text.indexOf('"', search);
          if (close === -1) {
            if (!final) {
              const raw = text.slice(contentStart);
              return this.#moreInQuotes(fields, before, raw, text.length, '"');
            }
            throw new CsvSyntaxError(this.#records, 'MissingQuotes');
          }
          if (close === text.length - 1) {
            if (!final) {
              return this.#moreInQuotes(fields, before, text.slice(contentStart, close), close);
            }
            fields.push(content(close));
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
          if (!final && after + needed > text.length) {
            return this.#moreInQuotes(fields, before, text.slice(contentStart, close), close);
          }
          const value = content(close);
          if (text.startsWith(delimiter, after)) {
            fields.push(value);
            position = after + delimiter.length;
            resume = position;
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
      const from = Math.max(position, resume);
      const nextDelimiter = this.#next('delimiter', from);
      const nextNewline = this.#next('newline', from);
      if (nextDelimiter !== -1 && (nextNewline === -1 || nextDelimiter < nextNewline)) {
        fields.push(text.slice(position, nextDelimiter));
        position = nextDelimiter + delimiter.length;
        resume = position;
        continue;
      }
      if (nextNewline !== -1) {
        // A CRLF newline whose LF has not arrived yet is found on the next push.
        fields.push(text.slice(position, nextNewline));
        return { fields, next: nextNewline + newline.length };
      }
      if (!final) {
        // A delimiter or line break may have arrived in part: look again from its first character.
        const overlap = Math.max(delimiter.length, newline.length) - 1;
        const resumeAt = Math.max(position, text.length - overlap);
        return this.#more(start, fields, position, resumeAt, `${delimiter}${newline}`);
      }
      fields.push(text.slice(position));
      return { fields, next: text.length };
    }
  }
}
