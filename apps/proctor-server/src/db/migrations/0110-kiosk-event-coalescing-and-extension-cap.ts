import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * A kiosk report repeated within a short window is one record with a count
 * (`count`, `last_server_time`) instead of one row, audit record and console push each; the
 * index serves the monitor's "latest report of each kind per candidate". `extension_cap_ms`
 * is a 补时上限 an exam admin raised for one candidate (NULL: the session's rule applies).
 */
export function migrate0110(db: WritableDb): void {
  execScript(
    db,
    `
    ALTER TABLE kiosk_events ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
    ALTER TABLE kiosk_events ADD COLUMN last_server_time INTEGER;
    UPDATE kiosk_events SET last_server_time = server_time;
    CREATE INDEX kiosk_events_attempt_kind ON kiosk_events (attempt_id, kind, id);

    ALTER TABLE attempts ADD COLUMN extension_cap_ms INTEGER CHECK (extension_cap_ms >= 0);
    `,
  );
}
