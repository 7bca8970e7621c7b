import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/db/migrations/index';
import { runMigrations } from '../../src/db/migrations/runner';
import type { WritableDb } from '@skillexam/shared/sql';
import { openStore } from '../../src/db/store';
import { insertRows } from '../../src/db/test-helpers';
import type { ResultsVerifyReport } from '../../src/cli/results-commands';
import { signResultsPackage, type ResultsPayload } from '@skillexam/item-bank/results-package';
import { finishedExam } from '../../security/support/finished-exam';
import { cliJson } from '../../security/support/tamper-tools';

/*
 * A site that scored an exam before 0213 upgrades: its scores are chained as they were
 * (`adopted`, inputs unknown). The results package carries such a score with its chained record;
 * `results verify` rebuilds the record, accepts it and says it could not recompute it
 * (docs/decisions/0214) instead of refusing the whole package.
 */

/** The tables of a real finished exam copied into a database at schema version 80 (before 0090). */
function oldSiteFrom(sourceDataDir: string): string {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'adopted-scores-')), 'data');
  mkdirSync(dataDir);
  const db = new Database(join(dataDir, 'server.db')) as WritableDb;
  runMigrations(db, MIGRATIONS, 80);
  const pair = generateKeyPairSync('ed25519');
  insertRows(db, 'server_keys', [
    {
      id: 1,
      public_key_pem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      private_key_pem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      created_at: 1,
    },
  ]);
  const source = new Database(join(sourceDataDir, 'server.db'), { readonly: true });
  try {
    for (const table of ['exams', 'sessions', 'rooms', 'attempts', 'scores']) {
      const columns = new Set(
        (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
          (c) => c.name,
        ),
      );
      const rows = source.prepare(`SELECT * FROM "${table}"`).all() as Record<
        string,
        string | number | null
      >[];
      insertRows(
        db,
        table,
        rows.map((row) => Object.fromEntries(Object.entries(row).filter(([c]) => columns.has(c)))),
      );
    }
  } finally {
    source.close();
    db.close();
  }
  return dataDir;
}

describe('results package of scores adopted at the upgrade', () => {
  it('exports and verifies, reporting each adopted score as not recomputable', async () => {
    const exam = await finishedExam();
    const dataDir = oldSiteFrom(exam.dataDir);
    openStore(dataDir).close(); // the upgrade: migrations, keys out, scores adopted
    const out = join(dataDir, '..', 'export');
    const { data: files } = await cliJson<{ resultsPackage: string }>(
      'results',
      'export',
      '--data',
      dataDir,
      '--session',
      exam.sessionId,
      '--out',
      out,
    );
    const { exitCode, data } = await cliJson<ResultsVerifyReport>(
      'results',
      'verify',
      files.resultsPackage,
      '--trust',
      join(dataDir, 'keys', 'audit-signing.pub'),
    );
    expect(data.problems).toEqual([]);
    expect(exitCode).toBe(0);
    expect(data.notes.map((n) => n.ticket).sort()).toEqual(
      exam.candidates.map((c) => c.ticket).sort(),
    );
    expect(data.notes[0]?.problem).toContain('not recomputable (adopted at upgrade)');

    // an adopted score raised in the package (with the site key) no longer matches its record
    const envelope = JSON.parse(readFileSync(files.resultsPackage, 'utf8')) as {
      payload: ResultsPayload;
    };
    const candidate = envelope.payload.candidates[0];
    if (candidate?.adoptedScore === undefined) throw new Error('adopted score expected');
    Object.assign(candidate, { total: 95, result: 'pass' });
    candidate.adoptedScore = { ...candidate.adoptedScore, total: 95, result: 'pass' };
    const forged = `${files.resultsPackage}.forged.json`;
    writeFileSync(
      forged,
      signResultsPackage(
        envelope.payload,
        readFileSync(join(dataDir, 'keys', 'audit-signing.key'), 'utf8'),
      ),
    );
    const refused = await cliJson<ResultsVerifyReport>('results', 'verify', forged);
    expect(refused.exitCode).not.toBe(0);
    expect(refused.data.problems.map((p) => p.problem).join('\n')).toContain(
      `考生 ${candidate.admissionTicketNumber}: 沿用的成绩与审计记录`,
    );
  });
});
