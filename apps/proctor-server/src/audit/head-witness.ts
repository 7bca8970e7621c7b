import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { queryOne, sql, type ReadableDb } from '../db/sql';
import { writePrivateFileAtomic } from '../keys/key-file';
import type { AuditCheckpoint } from './audit-log';

/*
 * The chain-head witness (docs/decisions/0211): the newest signed checkpoint, copied outside the
 * database to `<data>/audit-head.json` at most every `intervalMs`, into every backup
 * (`<backup>.head.json`) and every results package. Cutting records off the database's tail,
 * checkpoints included, leaves the chain shorter than its witness.
 */

export const HEAD_WITNESS_FILE = 'audit-head.json';

const ChainHeadSchema = z.strictObject({
  format: z.literal('skillexam-audit-head'),
  seq: z.int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().min(1),
  at: z.number(),
});
export type ChainHead = z.infer<typeof ChainHeadSchema>;

export function headWitnessPath(dataDir: string): string {
  return join(dataDir, HEAD_WITNESS_FILE);
}

export function toChainHead(checkpoint: AuditCheckpoint): ChainHead {
  return { format: 'skillexam-audit-head', ...checkpoint };
}

/** The witness in a file; `undefined` when there is none, an Error when it is unreadable. */
export function readChainHead(path: string): ChainHead | Error | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return ChainHeadSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    return new Error(
      `链头见证文件无法读取 (chain-head witness unreadable): ${path}: ${(error as Error).message}`,
    );
  }
}

export function writeChainHead(path: string, head: ChainHead): void {
  writePrivateFileAtomic(path, `${JSON.stringify(head, null, 2)}\n`);
}

/** The newest signed checkpoint committed in a database. */
export function latestCheckpoint(db: ReadableDb): AuditCheckpoint | undefined {
  return queryOne<AuditCheckpoint>(
    db,
    sql`SELECT seq, hash, signature, at FROM audit_checkpoints ORDER BY seq DESC LIMIT 1`,
  );
}

export interface HeadWitness {
  /** A checkpoint was signed: write the witness within `intervalMs`. */
  noteSealed(): void;
  /** Writes now (shutdown, backups). */
  flush(): void;
  stop(): void;
}

/**
 * Keeps `<data>/audit-head.json` at the database's newest committed checkpoint. It only moves
 * forward along the same chain: if the record the witness names is gone or different, the
 * witness is left as it is (evidence) and `onConflict` is told.
 */
export function createHeadWitness(
  db: ReadableDb,
  path: string,
  intervalMs: number,
  onConflict: (message: string) => void,
): HeadWitness {
  let timer: NodeJS.Timeout | undefined;
  let conflicted = false;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (conflicted || !db.open) return;
    const latest = latestCheckpoint(db);
    if (latest === undefined) return;
    const existing = readChainHead(path);
    if (existing instanceof Error) {
      conflicted = true;
      onConflict(existing.message);
      return;
    }
    if (existing !== undefined) {
      if (existing.seq === latest.seq && existing.hash === latest.hash) return;
      const named = queryOne<{ hash: string }>(
        db,
        sql`SELECT hash FROM audit_log WHERE seq = ${existing.seq}`,
      );
      if (named?.hash !== existing.hash || existing.seq > latest.seq) {
        conflicted = true;
        onConflict(
          `数据库审计链与链头见证不一致 (chain no longer contains the witnessed head #${existing.seq}); audit-head.json 保持不变`,
        );
        return;
      }
    }
    writeChainHead(path, toChainHead(latest));
  };
  return {
    noteSealed() {
      if (timer !== undefined) return;
      timer = setTimeout(flush, intervalMs);
      timer.unref();
    },
    flush,
    stop() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
