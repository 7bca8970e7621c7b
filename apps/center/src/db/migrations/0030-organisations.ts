import type { CenterMigration } from '../migration';

/*
 * Evaluation organisations (评价机构): kind Y or S, the 4-digit organisation code (0000 when
 * filed with a province), the 2-digit province code, and the filing time that orders number
 * ranges (docs/center.md). An org_staff account belongs to one.
 */
export const migration: CenterMigration = {
  version: 30,
  name: 'organisations',
  sql: `
CREATE TABLE organisations (
  id text PRIMARY KEY,
  kind char(1) NOT NULL CHECK (kind IN ('Y', 'S')),
  code char(4) NOT NULL CHECK (code ~ '^[0-9]{4}$'),
  province char(2) NOT NULL CHECK (province ~ '^[0-9]{2}$'),
  name text NOT NULL UNIQUE CHECK (length(btrim(name)) > 0),
  filed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);
CREATE INDEX organisations_filed ON organisations (filed_at, id);
ALTER TABLE staff
  ADD CONSTRAINT staff_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisations (id);
`,
};
