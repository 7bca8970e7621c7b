import type { KioskEventPayload } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, queryOne, sql, transaction } from '@skillexam/shared/sql';
import { openStore, type Store } from '../../src/db/store';
import { keyReleasedForSession, openSessionsOfExam } from '../../src/console/key-release';
import {
  COALESCE_WINDOW_MS,
  latestKioskEvents,
  recentKioskEvents,
  recordKioskEvent,
} from '../../src/monitor/kiosk-event-log';
import { seedSession } from '../support/exam-fixture';

const T0 = Date.parse('2026-12-06T09:00:00+08:00');
let store: Store | undefined;
afterEach(() => {
  store?.close();
  store = undefined;
});

function setUp(): { store: Store; attemptIds: string[]; sessionId: string } {
  store = openStore(':memory:', { now: () => T0 });
  const seeded = seedSession(store, { count: 2, scheduledStart: T0, now: T0 });
  const attemptIds = queryAll<{ id: string }>(
    store.db,
    sql`SELECT id FROM attempts ORDER BY seat`,
  ).map((row) => row.id);
  return { store, attemptIds, sessionId: seeded.sessionId };
}

const event = (kind: KioskEventPayload['kind'], detail = ''): KioskEventPayload => ({
  kind,
  detail,
  clientTime: new Date(T0).toISOString(),
});

describe('kiosk event log', () => {
  it('coalesces the same report within the window and opens a new record after it', () => {
    const { store: s, attemptIds, sessionId } = setUp();
    const [a] = attemptIds;
    const record = (e: KioskEventPayload, at: number) =>
      transaction(s.db, () => recordKioskEvent(s.db, s.audit, sessionId, a!, e, at));
    expect(record(event('focus_lost'), T0).opened).toBe(true);
    expect(record(event('focus_lost'), T0 + 1_000)).toMatchObject({
      opened: false,
      notice: { count: 2 },
    });
    // a different detail is its own record; so is the next window
    expect(record(event('focus_lost', 'other'), T0 + 2_000).opened).toBe(true);
    expect(record(event('focus_lost', 'other'), T0 + 2_000 + COALESCE_WINDOW_MS).opened).toBe(true);
    const audited = queryOne<{ n: number }>(
      s.db,
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'kiosk.event'`,
    );
    expect(audited?.n).toBe(3);
    expect(recentKioskEvents(s.db, sessionId, 50).map((e) => e.count)).toEqual([1, 1, 2]);
    expect(latestKioskEvents(s.db, sessionId)).toEqual([
      expect.objectContaining({ attemptId: a, kind: 'focus_lost', detail: 'other', count: 4 }),
    ]);
  });

  it('keeps the latest record of each kind for each candidate', () => {
    const { store: s, attemptIds, sessionId } = setUp();
    const [a, b] = attemptIds;
    transaction(s.db, () => {
      recordKioskEvent(s.db, s.audit, sessionId, b!, event('remote_tool_found', 'x.exe'), T0);
      for (let i = 0; i < 60; i += 1)
        recordKioskEvent(s.db, s.audit, sessionId, a!, event('display_changed', `${i}`), T0 + i);
    });
    expect(recentKioskEvents(s.db, sessionId, 50).some((e) => e.attemptId === b)).toBe(false);
    expect(latestKioskEvents(s.db, sessionId).map((e) => [e.attemptId, e.kind, e.count])).toEqual([
      [a, 'display_changed', 60],
      [b, 'remote_tool_found', 1],
    ]);
  });
});

describe('key release', () => {
  it('is released only when every session of the exam has ended', () => {
    const { store: s, sessionId } = setUp();
    expect(keyReleasedForSession(s.db, sessionId)).toBe(false);
    s.db.prepare("UPDATE sessions SET status = 'ended'").run();
    expect(openSessionsOfExam(s.db, 'exam-1')).toEqual([]);
    expect(keyReleasedForSession(s.db, sessionId)).toBe(true);
  });
});
