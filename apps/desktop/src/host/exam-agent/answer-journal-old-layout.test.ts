import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal';
import type { AttemptView } from '@skillexam/shared';
import { findSavedLogin, loginCodeHash } from './saved-login';

const view: AttemptView = {
  attemptId: 'att-1',
  sessionId: 's1',
  admissionTicketNumber: 'T1',
  name: '考生1',
  maskedIdNumber: '110105********0015',
  roomId: 'r1',
  seat: 1,
  status: 'in_progress',
  identityConfirmed: true,
  startedAt: 1_000,
  deadlineAt: 3_601_000,
  extensionMs: 0,
  ackedSeq: 1,
  serverTime: 600_000,
};

/*
 * A journal written before the journal's migrations were one file each opens unchanged: the DDL
 * below is copied verbatim from the old inline migration list (user_version 30).
 */
const OLD_DDL = [
  `
        CREATE TABLE attempt (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          attempt_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          acked_seq INTEGER NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
          position_item_id TEXT
        ) STRICT;
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY CHECK (seq > 0),
          item_id TEXT NOT NULL,
          value TEXT NOT NULL,
          client_time TEXT NOT NULL
        ) STRICT;
        CREATE TABLE flags (
          item_id TEXT PRIMARY KEY,
          flagged INTEGER NOT NULL CHECK (flagged IN (0, 1))
        ) STRICT;
      `,
  `
        CREATE TABLE sealed_paper (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          paper_id TEXT NOT NULL,
          key_id TEXT NOT NULL,
          algorithm TEXT NOT NULL CHECK (algorithm = 'aes-256-gcm'),
          iv TEXT NOT NULL,
          tag TEXT NOT NULL,
          ciphertext TEXT NOT NULL,
          fetched_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE content_key (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          key_id TEXT NOT NULL,
          key TEXT NOT NULL,
          released_at TEXT NOT NULL
        ) STRICT;
      `,
  `
        CREATE TABLE saved_login (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          admission_ticket TEXT NOT NULL,
          code_hash TEXT NOT NULL,
          token TEXT NOT NULL,
          attempt_json TEXT NOT NULL,
          saved_at_local INTEGER NOT NULL
        ) STRICT;
      `,
];

const SCHEMA =
  "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-old-layout-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a journal the way the old code did: its DDL, its rows, user_version 30. */
function writeOldJournal(path: string): void {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.transaction(() => {
    for (const script of OLD_DDL) db.exec(script);
    db.pragma('user_version = 30');
  })();
  db.prepare(
    "INSERT INTO attempt (id, attempt_id, created_at, acked_seq, position_item_id) VALUES (1, 'att-1', 't', 1, 'q2')",
  ).run();
  db.prepare(
    'INSERT INTO events (seq, item_id, value, client_time) VALUES (1, \'q1\', \'{"kind":"choice","selected":["A"]}\', \'t1\'), (2, \'q2\', \'{"kind":"choice","selected":["B"]}\', \'t2\')',
  ).run();
  db.prepare("INSERT INTO flags VALUES ('q2', 1)").run();
  db.prepare('INSERT INTO saved_login VALUES (1, ?, ?, ?, ?, ?)').run(
    'T1',
    loginCodeHash('T1', 'abcd2345'),
    'tok',
    JSON.stringify(view),
    50_000,
  );
  db.close();
}

function schemaOf(path: string): { schema: unknown[]; version: unknown } {
  const db = new Database(path, { readonly: true });
  try {
    return {
      schema: db.prepare(SCHEMA).all(),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('a journal written by the old inline migrations', () => {
  it('opens unchanged: same schema, same user_version, its answers, ack, position and flags', () => {
    const old = join(dir, 'old.journal.db');
    writeOldJournal(old);
    const before = schemaOf(old);
    expect(before.version).toBe(30);

    const journal = AnswerJournal.open(old, 'att-1');
    expect(journal.ackedSeq()).toBe(1);
    expect(journal.lastSeq()).toBe(2);
    expect(journal.position()).toBe('q2');
    expect([...journal.flagged()]).toEqual(['q2']);
    expect(journal.pending().map((event) => [event.seq, event.itemId])).toEqual([[2, 'q2']]);
    expect(journal.answers().get('q1')).toEqual({ kind: 'choice', selected: ['A'] });
    journal.record('q1', { kind: 'choice', selected: ['C'] }, new Date(0));
    expect(journal.lastSeq()).toBe(3);
    journal.close();

    expect(schemaOf(old)).toEqual(before);
  });

  it('has exactly the schema and user_version a new journal gets', () => {
    const old = join(dir, 'old.journal.db');
    writeOldJournal(old);
    const fresh = join(dir, 'new.journal.db');
    AnswerJournal.open(fresh, 'att-2').close();
    expect(schemaOf(fresh)).toEqual(schemaOf(old));
  });

  it('still yields its saved login for an offline restart', () => {
    writeOldJournal(join(dir, 'old.journal.db'));
    expect(findSavedLogin(dir, 'T1', 'ABCD2345', 60_000)).toEqual({
      attemptId: 'att-1',
      token: 'tok',
      attempt: { ...view, serverTime: 610_000 },
    });
    expect(findSavedLogin(dir, 'T1', 'wrong', 60_000)).toBeUndefined();
  });
});
