/*
 * Where a streaming reader takes its bytes from: bytes already in memory (what the desktop
 * hands over) or a file that the caller opens for it (the CLI's file-byte-source: fs.readSync
 * in chunks, never the whole file). Reads are synchronous, so a whole import can run inside one
 * better-sqlite3 transaction. This folder does no IO itself; it only reads through this.
 */

export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position`; fewer only at the end of the file. */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

/** A file that can be opened (more than once: to detect its format, then to read it). */
export interface ByteSourceFile {
  open(): ByteSource;
}

export type ItemFileSource = Uint8Array | ByteSourceFile;

/** Bytes read per `read` call by the sequential readers (CSV text). */
export const CHUNK_BYTES = 64 * 1024;

export function isBytes(source: ItemFileSource): source is Uint8Array {
  return source instanceof Uint8Array;
}

export function openByteSource(source: ItemFileSource): ByteSource {
  if (!isBytes(source)) return source.open();
  return {
    size: source.length,
    read: (position, length) => source.subarray(position, position + length),
    close: () => undefined,
  };
}

/** The source's bytes in order, `chunkBytes` at a time (the last chunk may be shorter). */
export function* byteChunks(source: ByteSource, chunkBytes = CHUNK_BYTES): Generator<Uint8Array> {
  for (let position = 0; position < source.size; position += chunkBytes) {
    yield source.read(position, Math.min(chunkBytes, source.size - position));
  }
}
