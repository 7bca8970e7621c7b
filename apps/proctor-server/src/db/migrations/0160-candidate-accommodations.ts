import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * 考生便利措施 from the roster (docs/decisions/0914): the extra time granted (already added to
 * `extension_ms` as 补时, kept here so a proctor's own 补时 cap does not count it and the console
 * can show it) and the kiosk display presets, largest text and high contrast.
 */
export function migrate0160(db: WritableDb): void {
  execScript(
    db,
    `
    ALTER TABLE attempts ADD COLUMN roster_extra_ms INTEGER NOT NULL DEFAULT 0
      CHECK (roster_extra_ms BETWEEN 0 AND 36000000 AND roster_extra_ms <= extension_ms);
    ALTER TABLE attempts ADD COLUMN large_text INTEGER NOT NULL DEFAULT 0
      CHECK (large_text IN (0, 1));
    ALTER TABLE attempts ADD COLUMN high_contrast INTEGER NOT NULL DEFAULT 0
      CHECK (high_contrast IN (0, 1));
    `,
  );
}
