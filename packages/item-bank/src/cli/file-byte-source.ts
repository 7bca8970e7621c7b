import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ByteSource, ByteSourceFile } from '../import-export/byte-source';

/*
 * A file on disk as a ByteSource for the streaming item readers: read with fs.readSync at the
 * position asked for, never loaded whole.
 */

export function fileByteSource(path: string): ByteSourceFile {
  return {
    open(): ByteSource {
      const fd = openSync(path, 'r');
      const size = fstatSync(fd).size;
      return {
        size,
        read(position, length) {
          const buffer = new Uint8Array(Math.max(0, Math.min(length, size - position)));
          let done = 0;
          while (done < buffer.length) {
            const count = readSync(fd, buffer, done, buffer.length - done, position + done);
            if (count === 0) break;
            done += count;
          }
          return done === buffer.length ? buffer : buffer.subarray(0, done);
        },
        close: () => closeSync(fd),
      };
    },
  };
}
