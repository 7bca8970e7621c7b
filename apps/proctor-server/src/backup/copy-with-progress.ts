import { open, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Progress } from '@skillexam/shared';
import { PRIVATE_FILE_MODE } from '../keys/key-file';

/*
 * Copies a file in 1 MiB chunks under a `restoring` phase counted in bytes: the event loop gets
 * a turn between chunks (a SIGINT is heard), and a cancel removes the half-written copy.
 */

const CHUNK_BYTES = 1 << 20;

export async function copyWithProgress(
  from: string,
  to: string,
  progress: Progress,
): Promise<void> {
  const source = await open(from, 'r');
  try {
    const { size } = await source.stat();
    const phase = progress.phase('restoring', {
      total: size,
      label: basename(from),
      unit: 'bytes',
    });
    const target = await open(to, 'w', PRIVATE_FILE_MODE);
    try {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      let position = 0;
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, CHUNK_BYTES, position);
        if (bytesRead === 0) break;
        await target.write(buffer, 0, bytesRead, position);
        position += bytesRead;
        phase.advance(bytesRead);
      }
      await target.sync();
    } catch (error) {
      await target.close();
      await rm(to, { force: true });
      throw error;
    }
    await target.close();
    phase.end();
  } finally {
    await source.close();
  }
}
