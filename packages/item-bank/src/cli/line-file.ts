import { closeSync, openSync, writeSync } from 'node:fs';

/*
 * A file written line by line as the lines come (JSON lines), buffered in chunks: the full list
 * of a large import never sits in memory (docs/decisions/0922).
 */

const CHUNK = 64 * 1024;

export class LineFile {
  readonly #fd: number;
  #buffer = '';
  #lines = 0;

  constructor(path: string) {
    this.#fd = openSync(path, 'w');
  }

  get lines(): number {
    return this.#lines;
  }

  writeJson(value: unknown): void {
    this.#buffer += `${JSON.stringify(value)}\n`;
    this.#lines += 1;
    if (this.#buffer.length >= CHUNK) this.#flush();
  }

  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    if (this.#buffer !== '') writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }
}
