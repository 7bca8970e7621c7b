import { describe, expect, it } from 'vitest';
import {
  createMemoryDb,
  explain,
  insertRows,
  migrateTo,
  readRows,
  seedOneAttempt,
} from '../test-helpers';

describe('migration 0110 kiosk-event-coalescing-and-extension-cap', () => {
  it('gives existing kiosk events a count of one and their time as the last time', () => {
    const db = createMemoryDb();
    migrateTo(db, 80);
    seedOneAttempt(db);
    insertRows(db, 'kiosk_events', [
      {
        attempt_id: 'a1',
        kind: 'focus_lost',
        detail: '',
        client_time: '2026-12-06T00:00:00Z',
        server_time: 42,
      },
    ]);
    migrateTo(db, 110);
    expect(readRows(db, 'kiosk_events')).toMatchObject([{ count: 1, last_server_time: 42 }]);
    expect(
      explain(
        db,
        "SELECT id FROM kiosk_events WHERE attempt_id = 'a1' AND kind = 'focus_lost' ORDER BY id DESC LIMIT 1",
      ),
    ).toMatch(/kiosk_events_attempt_kind/);
    expect(() =>
      insertRows(db, 'kiosk_events', [
        {
          attempt_id: 'a1',
          kind: 'focus_lost',
          detail: '',
          client_time: 'x',
          server_time: 1,
          count: 0,
        },
      ]),
    ).toThrow(/CHECK/);
  });

  it('adds a per-candidate extension cap that is empty until raised and never negative', () => {
    const db = createMemoryDb();
    migrateTo(db, 110);
    seedOneAttempt(db);
    expect(readRows(db, 'attempts')[0]?.['extension_cap_ms']).toBeNull();
    expect(() =>
      db.prepare("UPDATE attempts SET extension_cap_ms = -1 WHERE id = 'a1'").run(),
    ).toThrow(/CHECK/);
  });
});
