import type { CliIo } from './process-io';

/*
 * JSON written as it is produced (docs/decisions/0922): objects key by key, arrays element by
 * element, in chunks of about CHUNK characters, so a report of any size never becomes one
 * string. Chunks end between tokens; the line break `io.out` adds is JSON whitespace.
 */

const CHUNK = 64 * 1024;

function* tokens(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    yield '[';
    let first = true;
    for (const element of value) {
      if (!first) yield ',';
      first = false;
      yield* tokens(element === undefined ? null : element);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof (record as { toJSON?: unknown }).toJSON === 'function') {
      yield JSON.stringify(record);
      return;
    }
    yield '{';
    let first = true;
    for (const [key, field] of Object.entries(record)) {
      if (field === undefined || typeof field === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* tokens(field);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/** The same JSON as JSON.stringify(value), in pieces. */
export function* jsonChunks(value: unknown): Generator<string> {
  let buffer = '';
  for (const token of tokens(value)) {
    buffer += token;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}

/** `emit` for large data: `{ ok: true, data }` streamed to stdout. */
export function emitJsonStream(io: CliIo, data: unknown): void {
  for (const chunk of jsonChunks({ ok: true, data })) io.out(chunk);
}
