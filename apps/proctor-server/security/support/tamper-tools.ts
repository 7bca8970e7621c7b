import { generateKeyPairSync, sign } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '@skillexam/shared';
import { vi } from 'vitest';
import { GENESIS_HASH, recordHash, sha256 } from '@skillexam/item-bank/results-package';
import { buildProgram } from '../../src/cli/program';

/** What someone with the file does: open server.db with sqlite and change rows (FKs off). */
export function tamper(dataDir: string, statements: string): void {
  const db = new Database(join(dataDir, 'server.db'));
  try {
    db.pragma('foreign_keys = OFF');
    db.exec(statements);
  } finally {
    db.close();
  }
}

interface Row {
  seq: number;
  at: number;
  actor: string;
  action: string;
  payload_json: string;
}

/**
 * The strongest attack on a database alone: edit payloads, then recompute every hash of the
 * chain and re-sign every checkpoint with a new key pair written into `server_keys` (where the
 * old server kept its private key).
 */
export function rewriteAndResign(
  dataDir: string,
  editPayload: (row: Row) => unknown,
  statements = '',
): void {
  const db = new Database(join(dataDir, 'server.db'));
  try {
    db.pragma('foreign_keys = OFF');
    const pair = generateKeyPairSync('ed25519');
    const rows = db
      .prepare('SELECT seq, at, actor, action, payload_json FROM audit_log ORDER BY seq')
      .all() as Row[];
    const rewrite = db.transaction(() => {
      db.exec(statements);
      db.exec('DELETE FROM audit_checkpoints');
      let prevHash = GENESIS_HASH;
      for (const row of rows) {
        const payloadJson = canonicalJson(editPayload(row));
        const payloadHash = sha256(payloadJson);
        const hash = recordHash({ ...row, payloadHash, prevHash });
        db.prepare(
          'UPDATE audit_log SET payload_json = ?, payload_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?',
        ).run(payloadJson, payloadHash, prevHash, hash, row.seq);
        const signature = sign(null, Buffer.from(hash, 'hex'), pair.privateKey).toString('base64');
        db.prepare(
          'INSERT INTO audit_checkpoints (seq, hash, signature, at) VALUES (?, ?, ?, ?)',
        ).run(row.seq, hash, signature, row.at);
        prevHash = hash;
      }
      db.prepare('UPDATE server_keys SET public_key_pem = ?, private_key_pem = ?').run(
        pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      );
    });
    rewrite();
  } finally {
    db.close();
  }
}

export interface VerifyOutput {
  readonly ok: boolean;
  readonly problems: readonly { seq: number; problem: string }[];
}

/** `proctor-server <args> --json`, run in-process; restores process.exitCode. */
export async function cliJson<T>(...args: string[]): Promise<{ exitCode: number; data: T }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await (await buildProgram()).parseAsync(['node', 'proctor-server', ...args, '--json']);
  } finally {
    spy.mockRestore();
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = before;
  return { exitCode, data: JSON.parse(lines.join('\n')) as T };
}

export async function auditVerify(dataDir: string): Promise<VerifyOutput & { exitCode: number }> {
  const { exitCode, data } = await cliJson<VerifyOutput>('audit', 'verify', '--data', dataDir);
  return { ...data, exitCode };
}

/** All problem texts, one per line, for `toMatch`. */
export function problemText(result: VerifyOutput): string {
  return result.problems.map((p) => `#${p.seq} ${p.problem}`).join('\n');
}
