import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReadableDb } from '@skillexam/shared/sql';
import { writePrivateFileAtomic } from '../keys/key-file';
import type { AuditCheckpoint } from './audit-log';
import { latestCheckpoint, recordHashAt, recordsOfAction } from './audit-repository';

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
      const namedHash = recordHashAt(db, existing.seq);
      if (namedHash !== existing.hash || existing.seq > latest.seq) {
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

/** The chained record written when a data directory's witness was missing at start. */
export const WITNESS_RECREATED_ACTION = 'audit.witness-recreated';

export interface WitnessRecreatedPayload {
  /** The chain head (newest signed checkpoint) the new witness started from. */
  readonly headSeq: number;
  readonly headHash: string;
}

export interface WitnessRecreation {
  /** The seq of the `audit.witness-recreated` record. */
  readonly seq: number;
  readonly at: number;
  readonly headSeq: number;
}

/**
 * Every time the witness was recreated: the tail before each such record is only as trustworthy
 * as the files were while the witness was gone (docs/decisions/0211), so verification names them.
 */
export function witnessRecreations(db: ReadableDb): WitnessRecreation[] {
  return recordsOfAction(db, WITNESS_RECREATED_ACTION).map((row) => {
    const payload = JSON.parse(row.payload_json) as Partial<WitnessRecreatedPayload>;
    return { seq: row.seq, at: row.at, headSeq: Number(payload.headSeq ?? 0) };
  });
}

/** The warning line `audit verify` prints for a recreation. */
export function witnessRecreationWarning(recreation: WitnessRecreation): string {
  return (
    `链头见证 audit-head.json 曾缺失，于 #${recreation.seq} 按当时的链头 #${recreation.headSeq} 重建；` +
    `此前的链尾是否被截断无法证明 (chain-head witness was missing and recreated at head ` +
    `#${recreation.headSeq}; a tail cut before that cannot be ruled out)`
  );
}
