import { describe, expect, it } from 'vitest';
import { queryAll, sql } from '@skillexam/shared/sql';
import { createMemoryDb, insertRows, migrateTo, readRows, seedOneAttempt } from '../test-helpers';
import { LATEST_SCHEMA_VERSION } from './index';

/** Columns of a sitting that a never-signed-in candidate has at their defaults. */
const SITTING_ONLY = [
  'id',
  'status',
  'failed_logins',
  'locked_until',
  'identity_confirmed_at',
  'logged_in_at',
  'admitted_at',
  'started_at',
  'paused_at',
  'pause_kind',
  'paused_total_ms',
  'submitted_at',
  'acked_seq',
  'last_heartbeat_at',
  'client_offset_ms',
];

const WITHDRAWN = {
  attempt_id: 'a2',
  session_id: 's1',
  admission_ticket: 'T2',
  name: '李四',
  id_number: 'x',
  room_id: 'r1',
  seat: 2,
  exam_code_hash: 'h',
  withdrawn_at: 5,
  withdrawn_by: 'staff:admin',
  reason: '考生申请取消报名',
};

describe('migration 0180 candidate-withdrawals', () => {
  it('keeps withdrawn candidates with who, when and why; one per ticket, in a room of the session', () => {
    const db = createMemoryDb();
    migrateTo(db, 170);
    seedOneAttempt(db, { session: 'scheduled', attempt: 'registered' });
    migrateTo(db, 180);
    expect(readRows(db, 'candidate_withdrawals')).toEqual([]);
    insertRows(db, 'candidate_withdrawals', [WITHDRAWN]);
    expect(readRows(db, 'candidate_withdrawals')[0]).toMatchObject({
      ...WITHDRAWN,
      extension_ms: 0,
      large_text: 0,
      high_contrast: 0,
      photo_hash: null,
    });
    expect(() =>
      insertRows(db, 'candidate_withdrawals', [{ ...WITHDRAWN, attempt_id: 'a3' }]),
    ).toThrow(/UNIQUE/);
    expect(() =>
      insertRows(db, 'candidate_withdrawals', [
        { ...WITHDRAWN, attempt_id: 'a4', admission_ticket: 'T4', reason: '  ' },
      ]),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'candidate_withdrawals', [
        { ...WITHDRAWN, attempt_id: 'a5', admission_ticket: 'T5', room_id: 'nope' },
      ]),
    ).toThrow(/FOREIGN KEY/);
  });

  it('keeps every registration column of attempts (a new one must be added here too)', () => {
    const db = createMemoryDb();
    migrateTo(db, LATEST_SCHEMA_VERSION);
    const columns = (table: string) =>
      queryAll<{ name: string }>(db, sql`SELECT name FROM pragma_table_info(${table})`).map(
        (row) => row.name,
      );
    const kept = columns('candidate_withdrawals');
    const lost = columns('attempts').filter(
      (column) => !SITTING_ONLY.includes(column) && !kept.includes(column),
    );
    expect(lost).toEqual([]);
  });
});
