import type { IncomingMessage } from 'node:http';
import { HttpError } from './responses';

/* Reading request bodies with a byte cap: 413 as soon as the cap is passed, nothing buffered beyond. */

/** The cap of a JSON body. Uploads (raw routes) set their own. */
export const JSON_BODY_MAX_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(
    413,
    'BAD_REQUEST',
    `请求体过大，上限 ${String(maxBytes)} 字节 (body larger than ${String(maxBytes)} bytes)`,
  );
}

export function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', '请求体不是有效的 JSON (body is not valid JSON)');
  }
}
