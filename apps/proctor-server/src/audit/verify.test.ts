import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../db/store';
import { transaction } from '@skillexam/shared/sql';
import { verifyAuditChain } from './verify';

/** A real server.db with `n` audit records, one transaction each (so n checkpoints), closed. */
function chainOnDisk(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'proctor-audit-'));
  const store = openStore(dir);
  for (let i = 1; i <= n; i++) {
    transaction(store.db, () =>
      store.audit.append(
        store.db,
        { actor: 'staff:wang', action: 'test.step', payload: { i, 名: '张三' } },
        1_000 + i,
      ),
    );
  }
  store.close();
  return join(dir, 'server.db');
}

function verifyFile(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return verifyAuditChain(db as never);
  } finally {
    db.close();
  }
}

/** Edits the file as an attacker would: foreign keys do not stop someone with the file. */
function tamper(path: string, statement: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  db.exec(statement);
  db.close();
}

describe('audit chain verification on the real SQLite file', () => {
  it('accepts an intact chain with a signed checkpoint per transaction', () => {
    const result = verifyFile(chainOnDisk(25));
    expect(result).toMatchObject({ ok: true, records: 25, checkpoints: 25, lastSeq: 25 });
  });

  it('detects an edited payload', () => {
    const path = chainOnDisk(25);
    tamper(path, `UPDATE audit_log SET payload_json = '{"i":7,"名":"李四"}' WHERE seq = 7`);
    const result = verifyFile(path);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({
      seq: 7,
      problem: expect.stringContaining('edited'),
    });
  });

  it('detects an edit that also recomputes the payload hash', () => {
    const path = chainOnDisk(25);
    tamper(path, `UPDATE audit_log SET actor = 'staff:li' WHERE seq = 12`);
    expect(verifyFile(path).problems.map((p) => p.seq)).toContain(12);
  });

  it('detects a deleted record in the middle and at the tail', () => {
    const middle = chainOnDisk(25);
    tamper(middle, 'DELETE FROM audit_log WHERE seq = 5');
    expect(verifyFile(middle).problems[0]).toMatchObject({ seq: 6 });
    // cutting the tail leaves a signed checkpoint pointing past the end
    const cut = chainOnDisk(25);
    tamper(cut, 'PRAGMA foreign_keys = OFF; DELETE FROM audit_log WHERE seq >= 20');
    expect(verifyFile(cut).problems[0]).toMatchObject({
      seq: 20,
      problem: expect.stringContaining('tail'),
    });
  });

  it('detects reordered records', () => {
    const path = chainOnDisk(25);
    tamper(
      path,
      `UPDATE audit_log SET seq = -1 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = -1;`,
    );
    const result = verifyFile(path);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toContain(3);
  });

  it('detects a forged checkpoint signature', () => {
    const path = chainOnDisk(25);
    tamper(path, `UPDATE audit_checkpoints SET signature = 'AAAA' WHERE seq = 10`);
    expect(verifyFile(path).problems[0]).toMatchObject({
      seq: 10,
      problem: expect.stringContaining('signature'),
    });
  });
});
