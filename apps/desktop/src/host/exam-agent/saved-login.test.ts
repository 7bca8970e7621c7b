import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptView } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from './answer-journal';
import { journalPath } from './exam-agent';
import { findSavedLogin, saveLogin, updateSavedAttempt } from './saved-login';

const view: AttemptView = {
  attemptId: 'att-7',
  sessionId: 's1',
  admissionTicketNumber: '2026000007',
  name: '考生7',
  maskedIdNumber: '110105********0015',
  roomId: 'r1',
  seat: 7,
  status: 'in_progress',
  identityConfirmed: true,
  startedAt: 1_000,
  deadlineAt: 3_601_000,
  extensionMs: 0,
  ackedSeq: 3,
  serverTime: 600_000,
};

describe('saved login (offline restart)', () => {
  it('finds the attempt only for the same ticket and exam code, with server time moved on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saved-login-'));
    writeFileSync(join(dir, 'damaged.journal.db'), 'not a database');
    const journal = AnswerJournal.open(journalPath(dir, view.attemptId), view.attemptId);
    journal.withDb((db) => saveLogin(db, '2026000007', 'abcd2345', 'tok-1', view, 50_000));
    journal.withDb((db) => updateSavedAttempt(db, { ...view, extensionMs: 60_000 }, 60_000));
    journal.close();

    const found = findSavedLogin(dir, '2026000007', ' ABCD2345 ', 90_000);
    expect(found).toEqual({
      attemptId: 'att-7',
      token: 'tok-1',
      attempt: { ...view, extensionMs: 60_000, serverTime: 600_000 + 30_000 },
    });
    expect(findSavedLogin(dir, '2026000007', 'wrong', 90_000)).toBeUndefined();
    expect(findSavedLogin(dir, '2026000008', 'abcd2345', 90_000)).toBeUndefined();
    expect(findSavedLogin(join(dir, 'missing'), '2026000007', 'abcd2345', 90_000)).toBeUndefined();
    // The exam code itself is never written to disk.
    expect(readFileSync(journalPath(dir, view.attemptId)).toString('latin1')).not.toMatch(
      /abcd2345/i,
    );
  });
});
